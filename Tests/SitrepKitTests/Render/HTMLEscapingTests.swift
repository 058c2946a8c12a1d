import Foundation
import Mustache
import Testing
@testable import SitrepKit

/// What `{{name}}` prints in sitrep's templates. Compared byte for byte: Swift's `==` on strings would
/// treat a quote with a combining mark as equal to other spellings of it.
@Suite struct HTMLEscapingTests {
    /// A component name that tries to close an attribute: the quote carries a combining acute accent.
    static let breakout = "API\"\u{301} onmouseover=alert(1) x=\""

    private func same(_ actual: String?, _ expected: String) -> Bool {
        guard let actual else { return false }
        return Array(actual.utf8) == Array(expected.utf8)
    }

    @Test func escapesTheFiveCharactersAsSwiftMustacheDoes() throws {
        let library = try MustacheTemplate(string: "{{value}}")
        for sample in ["plain text", "Tom & Jerry <b>\"quoted\"</b> it's", "Zürich — 東京 🚀 <>&\"'", "", "&amp; &#39;"] {
            #expect(same(HTMLEscaping.escape(sample), library.render(["value": sample])), "\(sample)")
        }
        #expect(same(HTMLEscaping.escape("<a href='x'>&</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"))
    }

    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() throws {
        #expect(same(HTMLEscaping.escape(Self.breakout), "API&quot;\u{301} onmouseover=alert(1) x=&quot;"))
        // Why sitrep escapes itself: swift-mustache's own escaping leaves that quote as it is.
        let library = try MustacheTemplate(string: "{{value}}")
        #expect(library.render(["value": Self.breakout]).utf8.starts(with: "API\"".utf8))
    }

    @Test func everyTemplateOfATemplateSetEscapesThisWayWithoutSayingSo() throws {
        let scratch = try ScratchFolder("escaping")
        defer { scratch.remove() }
        let folder = scratch.url.appendingPathComponent("templates")
        try ScratchFolder.write([
            "pages/index.mustache": Data("<p title=\"{{name}}\">{{name}}</p>\n{{> partials/mark}}\n".utf8),
            "partials/mark.mustache": Data("{{#items}}<i data-x=\"{{.}}\"></i>{{/items}}\n".utf8),
        ], to: folder)
        let (templates, _) = TemplateSet.load(directory: folder)
        let html = templates.library.render(["name": Self.breakout, "items": [Self.breakout]] as [String: Any], withTemplate: "pages/index")
        let escaped = "API&quot;\u{301} onmouseover=alert(1) x=&quot;"
        #expect(same(html, "<p title=\"\(escaped)\">\(escaped)</p>\n<i data-x=\"\(escaped)\"></i>\n"), "\(html ?? "nil")")
    }

    @Test func aSyntaxErrorOnTheFirstLineIsReportedThere() throws {
        let scratch = try ScratchFolder("escaping-lines")
        defer { scratch.remove() }
        let folder = scratch.url.appendingPathComponent("templates")
        try ScratchFolder.write(["pages/index.mustache": Data("<p>{{#open}}</p>{{/shut}}\n".utf8)], to: folder)
        let problem = try #require(TemplateSet.problems(in: folder).first { $0.path.hasSuffix("pages/index.mustache") })
        #expect(problem.line == 1)
        #expect(problem.column > 1)
    }
}
