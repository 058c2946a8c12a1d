/// What the layout needs on every page.
struct PageChrome {
    var documentTitle: String
    var siteTitle: String
    var siteDescription: String?
    /// `""` at the site root, `"../"` one folder down: every link is relative.
    var root: String
    /// The only absolute URL on a page.
    var canonical: String
    var alternates: [AlternateLink]
    var refreshSeconds: Int
    var refreshes: Bool
    /// IANA identifier, for the refresh script's "Last updated".
    var timezone: String
    var generated: TimeView
}

/// A `<link rel="alternate">` (feeds).
struct AlternateLink {
    var href: String
    var type: String
    var title: String
}
