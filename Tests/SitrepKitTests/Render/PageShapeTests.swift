import Foundation
import Mustache
import Testing
@testable import SitrepKit

/// `PageShapes` fills pages in instead of rendering them; every page must still be swift-mustache's, byte for
/// byte. Views are drawn at random from a small vocabulary, so that shapes repeat and fills happen, and every
/// output is compared with swift-mustache's render of the same view.
@Suite("Render: page shapes")
struct PageShapeTests {
    struct Item: MustacheParent {
        var name: String
        var detail: String?
        var tags: [String]

        func child(named requested: String) -> Any? { TypedItem(item: self).value(named: requested).mustacheValue }
    }

    struct Page: MustacheParent {
        var title: String
        var note: String?
        var flag: Bool
        var count: Int
        var body: String
        var items: [Item]
        var lead: Item? = nil

        func child(named requested: String) -> Any? { TypedPage(page: self).value(named: requested).mustacheValue }
    }

    /// The same views as `PageView`s, which answer for both: a `Page` or `Item` is a plain `MustacheParent`
    /// whose answers (`Any`) a shape casts, a `TypedPage` or `TypedItem` one whose typed answers a shape reads
    /// without casts, as it does the theme's views.
    struct TypedItem: PageView {
        var item: Item

        func value(named requested: String) -> ViewValue {
            switch requested {
            case "name": .text(item.name)
            case "detail": item.detail.map { .text($0) } ?? .none
            case "tags": .other(item.tags)
            default: .none
            }
        }
    }

    struct TypedPage: PageView {
        var page: Page

        func value(named requested: String) -> ViewValue {
            switch requested {
            case "title": .text(page.title)
            case "note": page.note.map { .text($0) } ?? .none
            case "flag": .bool(page.flag)
            case "count": .other(page.count)
            case "body": .text(page.body)
            case "items": .views(page.items.map(TypedItem.init))
            case "lead": page.lead.map { .view(TypedItem(item: $0)) } ?? .none
            default: .none
            }
        }
    }

    /// Empty, plain, to-be-escaped, newline-ended, non-ASCII and placeholder-like values.
    static let words = ["", "plain", "<b>&'\"", "line\n", "ünï ✓ e\u{301}", "\u{E000}0:1&\u{E001}", "two\nlines"]

    static func pages(count: Int, seed: UInt64) -> [Page] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func word() -> String { words[next(words.count)] }
        return (0..<count).map { _ in
            func item() -> Item { Item(name: word(), detail: next(2) == 0 ? nil : word(), tags: (0..<next(3)).map { _ in word() }) }
            return Page(title: word(), note: next(2) == 0 ? nil : word(), flag: next(2) == 0, count: next(3), body: word(),
                        items: (0..<next(3)).map { _ in item() }, lead: next(2) == 0 ? nil : item())
        }
    }

    static func library(_ template: String, partial: String = "[{{title}}]") throws -> MustacheLibrary {
        HTMLEscaping.register()
        return MustacheLibrary(templates: [
            "page": try MustacheTemplate(string: HTMLEscaping.pragma + template),
            "part": try MustacheTemplate(string: HTMLEscaping.pragma + partial),
        ])
    }

    /// Templates whose pages are filled in once their shapes have been seen.
    static let filled: [(template: String, partial: String)] = [
        ("<h1>{{title}}</h1>{{#note}}<p>{{.}}</p>{{/note}}{{^note}}none{{/note}}{{#flag}}F{{/flag}}{{^flag}}f{{/flag}}\n"
            + "{{#items}}<li>{{name}}{{#detail}}({{.}} of {{name}}){{/detail}}{{#tags}}[{{.}}]{{/tags}}{{^tags}}-{{/tags}} in {{title}}</li>\n{{/items}}"
            + "{{^items}}empty{{/items}}{{{body}}}|{{&note}}|{{count}}{{#count}}+{{/count}}\n", ""),
        // A view inside the view.
        ("{{title}}{{#lead}}<i>{{name}}{{#detail}} ({{.}}){{/detail}} of {{title}}</i>{{/lead}}{{^lead}}-{{/lead}}", ""),
        // An indented partial indents after every newline it prints, values' included.
        ("a\n  {{> part}}\nb {{missing}}{{^missing}}no{{/missing}}\n", "{{body}}\n{{title}}\n{{#items}}{{name}}\n{{/items}}{{{body}}}"),
        ("{{#items}}{{#first()}}<{{/first()}}{{name}}{{^last()}}, {{/last()}}{{#last()}}>{{/last()}}{{/items}}", ""),
        ("{{% CONTENT_TYPE: TEXT}}{{title}}|{{{body}}}|{{#items}}{{name}}{{/items}}", ""),
        ("{{=<% %>=}}<%title%> <%&body%> <%#items%><%name%><%/items%>", ""),
    ]

    @Test(arguments: filled.indices)
    func filledPagesAreWhatMustacheRenders(index: Int) throws {
        let (template, partial) = Self.filled[index]
        let library = try Self.library(template, partial: partial.isEmpty ? "[{{title}}]" : partial)
        // Room for every shape these pages have, so that most of them are filled in and compared.
        let shapes = PageShapes(limit: 200), typedShapes = PageShapes(limit: 200)
        for page in Self.pages(count: 400, seed: UInt64(index) + 1) {
            let expected = library.render(page, withTemplate: "page")
            #expect(shapes.render(page, template: "page", library: library) == expected)
            #expect(typedShapes.render(TypedPage(page: page), template: "page", library: library) == expected, "typed")
        }
        // Not a comparison of two renders: most pages came from shapes.
        #expect(shapes.filled > 100)
        #expect(typedShapes.filled > 100)
    }

    /// Templates a shape cannot reproduce: every page is rendered by swift-mustache.
    static let refused = [
        "{{uppercased(title)}}",  // a transform of a value
        "{{#reversed(items)}}{{name}}{{/reversed(items)}}",  // a transform of a list
        "{{#title}}{{text}}{{/title}}",  // a value's own property
        "{{#items}}{{.}}{{/items}}{{^items}}{{.}}{{/items}}",  // a whole view, or the empty list, printed
        "{{items}}",  // a whole list printed
        "{{.}}",  // the page view itself printed
    ]

    @Test(arguments: refused)
    func refusedTemplatesAreRenderedByMustache(template: String) throws {
        let library = try Self.library(template)
        let shapes = PageShapes()
        for page in Self.pages(count: 60, seed: 7) {
            #expect(shapes.render(page, template: "page", library: library) == library.render(page, withTemplate: "page"))
        }
        #expect(shapes.filled == 0)
    }

    @Test func aMissingTemplateRendersNothing() throws {
        let library = try Self.library("{{title}}")
        #expect(PageShapes().render(Self.pages(count: 1, seed: 1)[0], template: "absent", library: library) == nil)
    }

    /// The theme's pages of the fixture site, each rendered through shapes after every other page of its kind
    /// (so that shapes recorded from other pages are tried on it).
    @Test func theThemesPagesAreWhatMustacheRenders() throws {
        let model = SiteFixture.model()
        let templates = try TemplateSet(directory: SiteFixture.templates)
        let context = RenderContext(model: model, strings: templates.strings)
        let kinds: [(String, [any MustacheParent])] = [
            ("pages/component", model.components.map { ComponentPage($0, context: context) }),
            ("pages/incident", model.incidents.map { IncidentPage($0, context: context) }),
            ("pages/maintenance", model.maintenance.map { MaintenancePage($0, context: context) }),
        ]
        var compared = 0, filled = 0
        for (template, views) in kinds {
            let shapes = PageShapes()
            defer { filled += shapes.filled }
            for _ in 0..<3 {
                for view in views {
                    #expect(shapes.render(view, template: template, library: templates.library)
                        == templates.library.render(view, withTemplate: template), "\(template)")
                    compared += 1
                }
            }
        }
        #expect(compared > 20)
        #expect(filled > compared / 3)
    }

    /// The response-time table's rows, as the fragments pass renders them through a worker's shapes.
    @Test func theThemesChartRowsAreWhatMustacheRenders() throws {
        let templates = try TemplateSet(directory: SiteFixture.templates)
        let rows = (0..<40).map { n in
            ChartRow(time: TimeView(iso: "2026-11-20T\(10 + n % 10):00:00Z", text: "20 Nov 2026, \(10 + n % 10):00 UTC", day: "20 Nov 2026"),
                     dns: n % 7 == 0 ? "—" : "\(n) ms", connect: "\(n + 3) ms", tls: n % 5 == 0 ? "<1 & 'x'" : "", ttfb: "\(2 * n) ms",
                     total: "\(3 * n) ms")
        }
        let shapes = PageShapes()
        var markup = ""
        for row in rows {
            #expect(shapes.render(row, template: ResponseChartView.rowTemplate, library: templates.library, appendingTo: &markup))
        }
        let expected = rows.map { templates.library.render($0, withTemplate: ResponseChartView.rowTemplate) ?? "" }.joined()
        #expect(markup == expected)
        #expect(shapes.filled > 20)
    }

    /// Pages that never repeat a shape: shapes are recorded up to the limit, then no longer tried, and every
    /// page is still swift-mustache's.
    @Test func shapesThatNeverMatchAreGivenUp() throws {
        let library = try Self.library("{{#items}}{{name}}{{#tags}}[{{.}}]{{/tags}}{{/items}}")
        let shapes = PageShapes()
        for count in 0..<60 {
            // Each page has one item more than the one before: a new shape every time.
            let page = Page(title: "t", note: nil, flag: false, count: 0, body: "",
                            items: (0..<count).map { Item(name: "n\($0)", detail: nil, tags: []) })
            #expect(shapes.render(page, template: "page", library: library) == library.render(page, withTemplate: "page"))
        }
        #expect(shapes.filled == 0)
        #expect(shapes.isGivenUp("page"))
        #expect(!PageShapes().isGivenUp("page"))
    }
}
