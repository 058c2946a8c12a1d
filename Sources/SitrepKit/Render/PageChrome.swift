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

// What a template sees of this view: every stored property by its name (`PageView`).
extension AlternateLink: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "href": .of(href)
        case "type": .of(type)
        case "title": .of(title)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension PageChrome: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "documentTitle": .of(documentTitle)
        case "siteTitle": .of(siteTitle)
        case "siteDescription": .of(siteDescription)
        case "root": .of(root)
        case "canonical": .of(canonical)
        case "alternates": .of(alternates)
        case "refreshSeconds": .of(refreshSeconds)
        case "refreshes": .of(refreshes)
        case "timezone": .of(timezone)
        case "generated": .of(generated)
        default: .none
        }
    }
}
