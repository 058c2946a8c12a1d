import Foundation
import Testing
@testable import SitrepKit

/// The pages' stylesheet is `style.css`, rendered once from `partials/style`, and every page links it by a
/// relative URL instead of carrying it inline.
@Suite struct StylesheetTests {
    @Test func everyPageLinksTheOneStylesheetByARelativeURL() throws {
        let site = try RenderedSite()
        let partial = try String(contentsOf: SiteFixture.templates.appendingPathComponent("partials/style.mustache"), encoding: .utf8)
        let stylesheet = site.page("style.css")
        #expect(stylesheet == partial, "the partial holds no tags: the stylesheet is the partial as it is")
        #expect(stylesheet.contains(".day:nth-last-child(n+\(DailyBarsView.narrowDays + 1)) { display: none; }"))
        let version = try #require(Self.version(in: site.page("index.html")))
        #expect(version.count == 12 && version.allSatisfy(\.isHexDigit), "\(version)")
        var checked = 0
        for path in site.pagePaths {
            let html = site.page(path)
            let depth = path.split(separator: "/").count - 1
            let link = "<link rel=\"stylesheet\" href=\"\(String(repeating: "../", count: depth))style.css?v=\(version)\">"
            #expect(html.components(separatedBy: "rel=\"stylesheet\"").count - 1 == 1, "\(path) links one stylesheet")
            #expect(html.contains(link), "\(path)")
            #expect(!html.contains("<style"), "\(path): no inline style without branding")
            #expect(!html.contains("--bar-ok"), "\(path): the theme's rules are not repeated in the page")
            checked += 1
        }
        #expect(checked == site.paths.count - 1, "every output but the stylesheet is a page")
    }

    /// A theme that overrides the partial styles every page through `style.css`, under a new address; a layout
    /// from before, which includes the partial inline, still gets it inline.
    @Test func anOverriddenPartialAndAnOldInlineLayoutBothStillStyleThePages() throws {
        let scratch = try ScratchFolder("stylesheet")
        defer { scratch.remove() }
        let own = ".own-rule { color: #123456; }\n"
        let (templates, _, page) = try HTMLRendererTests.render(replacing: "partials/style", with: own, in: scratch)
        #expect(page("style.css") == own)
        let version = try #require(Self.version(in: page("index.html")))
        #expect(version != Self.version(in: try RenderedSite().page("index.html")), "a changed stylesheet is a new address")
        #expect(page("incidents/2026-11-20-api-errors.html").contains("<link rel=\"stylesheet\" href=\"../style.css?v=\(version)\">"))

        let layout = templates.appendingPathComponent("layout.mustache")
        let current = try String(contentsOf: layout, encoding: .utf8)
        let link = "{{#page.stylesheet}}\n<link rel=\"stylesheet\" href=\"{{.}}\">\n{{/page.stylesheet}}\n"
        #expect(current.contains(link))
        try Data(current.replacingOccurrences(of: link, with: "<style>\n{{> partials/style}}\n</style>\n").utf8).write(to: layout)
        let files = try HTMLRenderer(templates: TemplateSet(directory: templates)).render(SiteFixture.model())
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(index.contains("<style>\n\(own)</style>\n"))
        #expect(!index.contains("rel=\"stylesheet\""))
    }

    /// The `v` of the page's stylesheet link.
    static func version(in html: String) -> String? {
        guard let start = html.range(of: "style.css?v=") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    /// A theme without the partial (a layout that styles its pages itself) publishes no stylesheet.
    @Test func aThemeWithoutThePartialPublishesNoStylesheet() throws {
        let scratch = try ScratchFolder("stylesheet-none")
        defer { scratch.remove() }
        let templates = scratch.url.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: SiteFixture.templates, to: templates)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("partials/style.mustache"))
        let layout = templates.appendingPathComponent("layout.mustache")
        let current = try String(contentsOf: layout, encoding: .utf8)
        try Data(current.replacingOccurrences(of: "{{#page.stylesheet}}\n<link rel=\"stylesheet\" href=\"{{.}}\">\n{{/page.stylesheet}}\n",
                                              with: "<style>body { margin: 0; }</style>\n").utf8).write(to: layout)
        let files = try HTMLRenderer(templates: TemplateSet(directory: templates)).render(SiteFixture.model())
        #expect(files["style.css"] == nil)
        #expect(files["index.html"].map { String(decoding: $0, as: UTF8.self).contains("<style>body { margin: 0; }</style>") } == true)
    }
}
