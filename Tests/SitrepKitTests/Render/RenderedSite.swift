import Foundation
@testable import SitrepKit

/// Renders the fixture once per call and gives the pages as text.
struct RenderedSite {
    let files: [String: Data]

    init(_ model: SiteModel = SiteFixture.model()) throws {
        files = try HTMLRenderer(templates: TemplateSet(directory: SiteFixture.templates)).render(model)
    }

    func page(_ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    var paths: [String] { files.keys.sorted() }

    /// The pages: every path but the stylesheet.
    var pagePaths: [String] { paths.filter { $0.hasSuffix(".html") } }

    /// The `<li>` of one component on the index page.
    func indexRow(_ id: String) -> String {
        let html = page("index.html")
        guard let start = html.range(of: "data-component-id=\"\(id)\"") else { return "" }
        let rest = html[start.lowerBound...]
        // Its own closing tag starts a line; the days of its strip close theirs inline.
        guard let end = rest.range(of: "\n</li>") else { return String(rest) }
        return String(rest[..<end.upperBound])
    }

    /// Every value of `attribute="…"` in a page.
    static func attributeValues(_ attribute: String, in html: String) -> [String] {
        var values: [String] = []
        var rest = html[...]
        let marker = " \(attribute)=\""
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]))
            rest = after[end...]
        }
        return values
    }
}
