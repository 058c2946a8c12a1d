import Foundation

/// What a feed is about: the whole site's history or one component's.
struct FeedChannel {
    var title: String
    var description: String
    /// The HTML page the feed mirrors.
    var link: String
    /// The feed's own absolute URL.
    var selfLink: String
    /// Newest first.
    var items: [FeedItem]
    /// The newest item's update time, or the build time for an empty feed (stable while nothing changes).
    var updated: Date
    /// Atom's required author: the site.
    var author: String

    init(title: String, description: String, link: String, selfLink: String, items: [FeedItem], author: String,
         generatedAt: Date) {
        self.title = title
        self.description = description
        self.link = link
        self.selfLink = selfLink
        self.items = items
        self.author = author
        updated = items.map(\.updated).max() ?? generatedAt
    }
}
