/// What the layout needs on every page.
struct PageChrome {
    var documentTitle: String
    var siteTitle: String
    var siteDescription: String?
    /// `""` at the site root, `"../"` one folder down: every link is relative.
    var root: String
    /// `style.css?v=…` from this page (`Stylesheet`), nil when the theme has no `partials/style`.
    var stylesheet: String?
    /// The only absolute URL on a page.
    var canonical: String
    var alternates: [AlternateLink]
    var refreshSeconds: Int
    var refreshes: Bool
    /// IANA identifier, for the refresh script's "Last updated".
    var timezone: String
    var generated: TimeView
    /// `<html lang>`.
    var lang: String
    /// Links to `site.logo` and `site.favicon` from this page, nil when not set.
    var logo: String?
    var favicon: String?
    /// `site.colors`, validated hex colours (they are printed into a `<style>` element).
    var accent: String?
    var accentDark: String?
    /// Whether any of logo and colours is set: the theme then adds the rules they need.
    var branded: Bool
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
        case "stylesheet": .of(stylesheet)
        case "canonical": .of(canonical)
        case "alternates": .of(alternates)
        case "refreshSeconds": .of(refreshSeconds)
        case "refreshes": .of(refreshes)
        case "timezone": .of(timezone)
        case "generated": .of(generated)
        case "lang": .of(lang)
        case "logo": .of(logo)
        case "favicon": .of(favicon)
        case "accent": .of(accent)
        case "accentDark": .of(accentDark)
        case "branded": .of(branded)
        default: .none
        }
    }
}
