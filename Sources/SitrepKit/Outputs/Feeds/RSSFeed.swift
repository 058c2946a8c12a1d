/// RSS 2.0 with an `atom:link rel="self"`, as the RSS Advisory Board recommends.
enum RSSFeed {
    static func render(_ channel: FeedChannel) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
        <title>\(XMLText.escape(channel.title))</title>
        <link>\(XMLText.escape(channel.link))</link>
        <description>\(XMLText.escape(channel.description))</description>
        <atom:link href="\(XMLText.escape(channel.selfLink))" rel="self" type="application/rss+xml"/>
        <lastBuildDate>\(OutputTime.rfc822(channel.updated))</lastBuildDate>
        <generator>sitrep</generator>

        """
        for item in channel.items {
            xml += "<item>\n"
            xml += "<title>\(XMLText.escape(item.title))</title>\n"
            xml += "<link>\(XMLText.escape(item.link))</link>\n"
            xml += "<guid isPermaLink=\"true\">\(XMLText.escape(item.link))</guid>\n"
            xml += "<pubDate>\(OutputTime.rfc822(item.updated))</pubDate>\n"
            for component in item.components {
                xml += "<category>\(XMLText.escape(component.name))</category>\n"
            }
            xml += "<description>\(XMLText.escape(item.contentHTML))</description>\n"
            xml += "</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }
}
