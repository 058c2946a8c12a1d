import Foundation
import Mustache
import Testing
@testable import SitrepKit

/// `TemplatePattern` stands in for swift-mustache on long lists; its markup must be swift-mustache's, byte for
/// byte, for every template it accepts, and it must refuse what it cannot reproduce.
@Suite("Render: template patterns")
struct TemplatePatternTests {
    static let rowName = "row"

    /// A library holding `template` as `row` (and `helper` for partial includes), parsed as `TemplateSet` does.
    static func library(_ template: String, helper: String = "<i>{{total}}</i>") throws -> MustacheLibrary {
        HTMLEscaping.register()
        return MustacheLibrary(templates: [
            rowName: try MustacheTemplate(string: HTMLEscaping.pragma + template),
            "helper": try MustacheTemplate(string: HTMLEscaping.pragma + helper),
        ])
    }

    static func row(_ n: Int, dns: String? = nil, total: String? = nil) -> ChartRow {
        ChartRow(time: TimeView(iso: "2026-11-2\(n)T10:00:00Z", text: "2\(n) Nov 2026, 10:00 UTC", day: "2\(n) Nov 2026"),
                 dns: dns ?? "\(n) ms", connect: "1\(n) ms", tls: "", ttfb: "3\(n) ms", total: total ?? "4\(n).5 ms")
    }

    /// Rows with plain values, an empty one, non-ASCII text, and values that escaping changes.
    static let rows = [
        row(1), row(2, dns: ""), row(3, dns: "ünï ✓ e\u{301}"), row(4, dns: "<script>&'\""), row(5, total: "a & b"), row(6),
    ]

    /// What swift-mustache itself renders for the rows, one after the other, as `ItemPartial` places them.
    static func mustacheMarkup(_ rows: [ChartRow], library: MustacheLibrary) -> String {
        rows.map { library.render($0, withTemplate: rowName) ?? "<missing>" }.joined().withoutFinalNewline()
    }

    static let reproducible = [
        "<tr><td><time datetime=\"{{time.iso}}\">{{time.text}}</time></td><td>{{dns}}</td><td>{{total}}</td></tr>\n",
        "{{#dns}}<b>{{.}}</b>{{/dns}}{{^tls}}none{{/tls}}|{{tls}}\n",
        "{{#time}}{{iso}}/{{text}}/{{day}}{{/time}}\n",
        "{{{dns}}} {{&total}} {{dns}}",
        "{{dns.text}}·{{#dns}}{{text}}{{/dns}}",
        "{{> helper}}-{{connect}}\n",
        "{{% CONTENT_TYPE: TEXT}}{{dns}}{{total}}",
        "no values at all\n",
        "{{=<% %>=}}<%ttfb%> <%&dns%>",
    ]

    @Test(arguments: reproducible)
    func acceptedTemplatesFillInExactlyWhatMustacheRenders(template: String) throws {
        let library = try Self.library(template)
        let partial = ItemPartial<ChartRow>(Self.rowName, library: library)
        #expect(partial.usesPattern)
        #expect(partial.render(Self.rows) == Self.mustacheMarkup(Self.rows, library: library))
        // Each row on its own too, so a difference cannot hide in a neighbour.
        for row in Self.rows {
            #expect(partial.render([row]) == Self.mustacheMarkup([row], library: library))
        }
    }

    static let refused = [
        "{{page.root}}{{dns}}",  // a name of an enclosing view: unknown to the row
        "{{uppercased(dns)}}",  // a transform
        "{{time}}",  // a whole view printed
        "{{#time}}{{dns}}{{/time}}",  // a nested view asked for a name it may know
        "{{time.zone}}",  // a name the nested view does not have
        "{{dns.text.text}}",  // below a value's text
        "{{#dns}}{{total}}{{/dns}}",  // a value asked for a name
        "\u{E000}0\u{E001}{{dns}}",  // placeholder-like text in the template itself
        "{{> helper}}",  // the same refusals inside an included partial
    ]

    @Test(arguments: refused)
    func templatesItCannotReproduceAreRenderedByMustache(template: String) throws {
        let library = try Self.library(template, helper: "{{page.root}}{{lowercased(total)}}")
        let partial = ItemPartial<ChartRow>(Self.rowName, library: library)
        #expect(!partial.usesPattern)
        #expect(partial.render(Self.rows) == Self.mustacheMarkup(Self.rows, library: library))
    }

    @Test func valuesThatEscapingChangesAreLeftToMustache() throws {
        let library = try Self.library("{{{dns}}}|{{dns}}")
        let pattern = try #require(TemplatePattern.compile(Self.rowName, keys: ChartRow.patternKeys, library: library))
        var markup = "kept"
        #expect(!pattern.fill(Self.row(4, dns: "a<b").patternValues, into: &markup))
        #expect(markup == "kept")
        #expect(pattern.fill(Self.row(4, dns: "a b").patternValues, into: &markup))
        #expect(markup == "kepta b|a b")
        // swift-mustache prints the first raw and the second escaped: the partial must agree.
        let partial = ItemPartial<ChartRow>(Self.rowName, library: library)
        #expect(partial.render([Self.row(4, dns: "a<b")]) == "a<b|a&lt;b")
    }

    @Test func aMissingTemplateHasNoPattern() throws {
        let library = try Self.library("{{dns}}")
        #expect(TemplatePattern.compile("absent", keys: ChartRow.patternKeys, library: library) == nil)
    }

    @Test func theThemesChartRowIsFilledIn() throws {
        let templates = try TemplateSet(directory: SiteFixture.templates)
        let partial = ItemPartial<ChartRow>(ResponseChartView.rowTemplate, library: templates.library)
        #expect(partial.usesPattern)
        let expected = Self.rows.map { templates.library.render($0, withTemplate: ResponseChartView.rowTemplate) ?? "" }
        #expect(partial.render(Self.rows) == expected.joined().withoutFinalNewline())
    }

    /// The pattern fills in `patternValues`; swift-mustache prints what the lookups answer. They must agree.
    @Test func chartRowValuesAreWhatItsLookupsAnswer() throws {
        let row = Self.row(7)
        for (key, value) in zip(ChartRow.patternKeys, row.patternValues) {
            var answer: Any = row
            for name in key.split(separator: ".") {
                answer = try #require((answer as? any MustacheParent)?.child(named: String(name)), "no answer for \(key)")
            }
            #expect((answer as? TemplateText)?.text == value, "\(key)")
        }
        #expect(ChartRow.patternKeys.count == row.patternValues.count)
    }
}
