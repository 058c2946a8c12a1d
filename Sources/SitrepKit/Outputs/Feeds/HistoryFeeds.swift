import Foundation

/// `history.rss`, `history.atom` and `components/<id>.rss`: one item per incident and maintenance window of
/// the history window, newest first.
struct HistoryFeeds {
    let model: SiteModel
    let links: SiteLinks
    let strings: UIStrings

    func documents() -> [String: String] {
        let display = DisplayTime(timeZone: model.site.timezone, strings: strings)
        let items = model.recentHistory.map { FeedItem($0, links: links, display: display, strings: strings, now: model.generatedAt) }
        let site = model.site.title
        let description = model.site.description ?? strings.text("feed.description", ["site": site])
        let title = strings.text("feed.history_title", ["site": site])
        var documents: [String: String] = [
            "history.rss": RSSFeed.render(channel(
                title: title, description: description,
                link: links.absolute("history.html"), selfPath: "history.rss", items: items)),
            "history.atom": AtomFeed.render(channel(
                title: title, description: description,
                link: links.absolute("history.html"), selfPath: "history.atom", items: items)),
        ]
        for component in model.components {
            let path = "components/\(component.id).rss"
            documents[path] = RSSFeed.render(channel(
                title: "\(model.site.title): \(component.name)",
                description: strings.text("feed.component_description", ["component": component.name]),
                link: links.component(component.id), selfPath: path,
                items: items.filter { $0.names(component: component.id) }))
        }
        return documents
    }

    private func channel(title: String, description: String, link: String, selfPath: String,
                         items: [FeedItem]) -> FeedChannel {
        FeedChannel(title: title, description: description, link: link, selfLink: links.absolute(selfPath),
                    items: items, author: model.site.title, generatedAt: model.generatedAt)
    }
}
