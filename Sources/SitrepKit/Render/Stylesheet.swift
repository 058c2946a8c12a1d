import Foundation
import Mustache

/// `style.css`: the theme's `partials/style` rendered once, which every page of the default layout links
/// (`{{#page.stylesheet}}<link rel="stylesheet" href="{{.}}">{{/page.stylesheet}}`) instead of carrying it
/// inline. The same 14 KB on each page was a third of a large site's bytes; a reader's browser now fetches it
/// once.
///
/// The link carries a digest of the stylesheet (`style.css?v=0123456789ab`), so a changed stylesheet is a new
/// address: no browser or CDN keeps showing the old one, and an open page's live refresh sees a changed head and
/// reloads. It stays a partial, so a theme that overrides `partials/style.mustache` still styles every page, and
/// a layout from before (which includes the partial inline) still works. The partial sees no page: it is
/// rendered with an empty view, and its `{{t.KEY}}` tags are filled when the theme loads, as in any template.
struct Stylesheet: Sendable {
    static let path = "style.css"
    static let template = "partials/style"

    let data: Data
    /// `style.css?v=` and the first 12 hex digits of the stylesheet's digest, relative to the site root.
    let link: String

    /// The stylesheet, or nil when the theme has no `partials/style` (a layout of its own styles its pages).
    static func render(with library: MustacheLibrary) -> Stylesheet? {
        guard let css = library.render(EmptyView(), withTemplate: template) else { return nil }
        var digest = ContentDigest()
        digest.add(css)
        return Stylesheet(data: Data(css.utf8), link: "\(path)?v=\(digest.hex.prefix(12))")
    }

    /// A view that answers no lookup.
    private struct EmptyView: PageView {
        func value(named name: String) -> ViewValue { .none }
    }
}
