import Foundation
import Mustache

/// What every page builder of one render shares: the model, time formatting and lookups by id.
/// Lookups are only ever read by key, never iterated, so output order never depends on hashing.
final class RenderContext {
    let model: SiteModel
    let time: TimeFormat
    /// The words of the site's language.
    let strings: UIStrings
    /// The components' daily-bars strips and charts, once they are rendered (empty while they are rendered).
    let fragments: ComponentFragments
    /// The theme's stylesheet as a page at the root links it (`style.css?v=…`), nil when the theme has none.
    let stylesheet: String?
    private let incidentsByID: [String: IncidentModel]
    private let componentsByID: [String: ComponentModel]
    /// The daily bars' titles written so far, by day: a day with the same uptime, status, maintenance and
    /// incidents has the same title on every component (45,000 bars, under a thousand different titles).
    private var barTitles: [DailyBar: String] = [:]

    init(model: SiteModel, strings: UIStrings, fragments: ComponentFragments = .empty, stylesheet: String? = nil) {
        self.model = model
        self.strings = strings
        self.fragments = fragments
        self.stylesheet = stylesheet
        self.time = TimeFormat(timeZone: model.site.timezone, strings: strings)
        incidentsByID = Dictionary(model.incidents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        componentsByID = Dictionary(model.components.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `DailyBarsView.title(of:context:)` of `day`, written once per distinct day.
    func barTitle(_ day: DailyBar) -> String {
        if let known = barTitles[day] { return known }
        let title = DailyBarsView.title(of: day, context: self)
        barTitles[day] = title
        return title
    }

    func incident(_ id: String) -> IncidentModel? { incidentsByID[id] }

    func component(_ id: String) -> ComponentModel? { componentsByID[id] }

    /// The common head, header and footer data of a page at `path` (relative to the site root).
    func chrome(path: String, title: String?, extraAlternates: [AlternateLink] = []) -> PageChrome {
        let depth = path.split(separator: "/").count - 1
        let root = String(repeating: "../", count: max(depth, 0))
        let site = model.site
        let base = site.url.hasSuffix("/") ? String(site.url.dropLast()) : site.url
        let canonical = path == "index.html" ? "\(base)/" : "\(base)/\(path)"
        let feeds = [
            AlternateLink(href: "\(root)history.rss", type: "application/rss+xml", title: strings.text("feeds.site_rss", ["site": site.title])),
            AlternateLink(href: "\(root)history.atom", type: "application/atom+xml", title: strings.text("feeds.site_atom", ["site": site.title])),
        ]
        return PageChrome(
            documentTitle: title.map { "\($0) · \(site.title)" } ?? site.title,
            siteTitle: site.title,
            siteDescription: site.description,
            root: root,
            stylesheet: stylesheet.map { root + $0 },
            canonical: canonical,
            alternates: feeds + extraAlternates,
            refreshSeconds: max(site.refreshSeconds, 0),
            refreshes: site.refreshSeconds > 0,
            timezone: site.timezoneName,
            generated: time.view(model.generatedAt),
            lang: site.lang,
            logo: site.branding.logo.map { link(to: $0, root: root) },
            favicon: site.branding.favicon.map { link(to: $0, root: root) },
            accent: site.branding.accent?.hex,
            accentDark: site.branding.accentDark?.hex,
            branded: site.branding.logo != nil || site.branding.accent != nil || site.branding.accentDark != nil
        )
    }

    /// A link from a page whose root prefix is `root` to a logo or favicon.
    private func link(to asset: SiteAsset, root: String) -> String {
        switch asset {
        case .staticFile(let path): href(path, root: root)
        case .url(let url): url
        }
    }

    /// A relative link from a page whose root prefix is `root` to `path`; path segments are percent-encoded.
    func href(_ path: String, root: String) -> String {
        // Site paths are slugs: nothing to encode, so no need to split and join them.
        if path.utf8.allSatisfy(Self.needsNoEncoding) { return root + path }
        return root + path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? String(segment)
        }.joined(separator: "/")
    }

    /// Letters, digits, `-`, `.`, `_`, `~` and `/`: what percent-encoding each segment leaves as it is.
    private static func needsNoEncoding(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }

    /// `2 h 15 min`, `45 min`, `3 d 4 h`.
    func duration(from start: Date, to end: Date) -> String {
        let minutes = end.timeIntervalSince(start) / 60
        return strings.duration(minutes: minutes.isFinite ? Int(max(min(minutes, 1e12), 0).rounded()) : 0)
    }
}

extension CharacterSet {
    /// Unreserved characters plus the sub-delimiters safe inside one path segment.
    static let urlPathSegmentAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return set
    }()
}
