/// Atom 1.0 (RFC 4287). Entry ids are the items' page URLs, which never change for an item.
enum AtomFeed {
    static func render(_ channel: FeedChannel) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <title type="text">\(XMLText.escape(channel.title))</title>
        <subtitle type="text">\(XMLText.escape(channel.description))</subtitle>
        <id>\(XMLText.escape(channel.selfLink))</id>
        <link rel="alternate" type="text/html" href="\(XMLText.escape(channel.link))"/>
        <link rel="self" type="application/atom+xml" href="\(XMLText.escape(channel.selfLink))"/>
        <updated>\(OutputTime.rfc3339(channel.updated))</updated>
        <author><name>\(XMLText.escape(channel.author))</name></author>
        <generator>sitrep</generator>

        """
        for item in channel.items {
            xml += "<entry>\n"
            xml += "<title type=\"text\">\(XMLText.escape(item.title))</title>\n"
            xml += "<id>\(XMLText.escape(item.link))</id>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(item.link))\"/>\n"
            xml += "<published>\(OutputTime.rfc3339(item.published))</published>\n"
            xml += "<updated>\(OutputTime.rfc3339(item.updated))</updated>\n"
            for component in item.components {
                xml += "<category term=\"\(XMLText.escape(component.id))\" label=\"\(XMLText.escape(component.name))\"/>\n"
            }
            xml += "<summary type=\"text\">\(XMLText.escape(item.summary))</summary>\n"
            xml += "<content type=\"html\">\(XMLText.escape(item.contentHTML))</content>\n"
            xml += "</entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
