import Foundation

/// The absolute URLs machine outputs publish (SPEC.md: absolute URLs from `site.url` appear only in feeds,
/// API documents and canonical links).
struct SiteLinks: Sendable {
    /// `site.url` without a trailing slash.
    let base: String

    init(siteURL: String) {
        var base = siteURL
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// The site's front page, with a trailing slash.
    var home: String { base + "/" }

    func absolute(_ relativePath: String) -> String { base + "/" + relativePath }

    func incident(_ id: String) -> String { absolute("incidents/\(id).html") }

    func maintenance(_ id: String) -> String { absolute("maintenance/\(id).html") }

    func component(_ id: String) -> String { absolute("components/\(id).html") }

    func page(of item: HistoryItem) -> String { absolute(item.pagePath) }

    /// The host name for calendar UIDs; falls back to the whole base when it is not a parsable URL.
    var host: String {
        URL(string: base)?.host ?? base
    }
}
