import Foundation

/// `subscribe.html`: everything a reader can follow (the site's RSS and Atom feeds, each component's RSS feed,
/// the maintenance calendar) and, when `notifications.signup_url` is set, the email sign-up link.
struct SubscribePage {
    static let path = "subscribe.html"
    static let template = "pages/subscribe"

    var page: PageChrome
    var feeds: [AlternateLink]
    var componentFeeds: [AlternateLink]
    var calendar: AlternateLink
    var signup: SignupLink?
    var hasComponentFeeds: Bool

    init(context: RenderContext) {
        page = context.chrome(path: Self.path, title: context.strings["nav.subscribe"])
        let root = page.root
        feeds = [
            AlternateLink(href: context.href("history.rss", root: root), type: "application/rss+xml", title: context.strings["feeds.rss"]),
            AlternateLink(href: context.href("history.atom", root: root), type: "application/atom+xml", title: context.strings["feeds.atom"]),
        ]
        componentFeeds = context.model.components.map { component in
            AlternateLink(href: context.href("components/\(component.id).rss", root: root), type: "application/rss+xml", title: component.name)
        }
        calendar = AlternateLink(href: context.href("maintenance.ics", root: root), type: "text/calendar", title: context.strings["feeds.calendar"])
        signup = context.model.site.signupURL.map { SignupLink(url: $0) }
        hasComponentFeeds = !componentFeeds.isEmpty
    }
}

/// The operator's sign-up address or form.
struct SignupLink {
    var url: String
    var isMailto: Bool

    init(url: String) {
        self.url = url
        isMailto = url.lowercased().hasPrefix("mailto:")
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension SubscribePage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": .of(page)
        case "feeds": .of(feeds)
        case "componentFeeds": .of(componentFeeds)
        case "calendar": .of(calendar)
        case "signup": .of(signup)
        case "hasComponentFeeds": .of(hasComponentFeeds)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension SignupLink: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "url": .of(url)
        case "isMailto": .of(isMailto)
        default: .none
        }
    }
}
