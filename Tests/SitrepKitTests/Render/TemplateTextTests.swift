import Foundation
import Mustache
import Testing
@testable import SitrepKit

/// Page views hand their strings to swift-mustache as `TemplateText` (fewer dynamic casts per `{{name}}`).
/// It must print, escape, open sections and transform exactly as the `String` it wraps.
@Suite struct TemplateTextTests {
    private func render(_ template: String, _ value: Any) throws -> String {
        let source = HTMLEscaping.pragma + template
        HTMLEscaping.register()
        return try MustacheTemplate(string: source).render(["value": value] as [String: Any])
    }

    @Test func printsEscapesAndTransformsAsTheStringItWraps() throws {
        let templates = [
            "{{value}}", "{{{value}}}", "{{#value}}[{{.}}]{{/value}}", "{{^value}}none{{/value}}",
            "{{uppercased(value)}}", "{{lowercased(value)}}", "{{#empty(value)}}empty{{/empty(value)}}",
        ]
        for sample in ["Tom & Jerry <b>\"it's\"</b>", HTMLEscapingTests.breakout, "", "Zürich 東京"] {
            for template in templates {
                let wrapped = try render(template, TemplateText(sample))
                let plain = try render(template, sample)
                #expect(Array(wrapped.utf8) == Array(plain.utf8), "\(template) with \(sample)")
            }
        }
        // Not vacuous: the escaped form differs from the raw text, and the transform changed it.
        #expect(try render("{{value}}", TemplateText("a<b")) == "a&lt;b")
        #expect(try render("{{uppercased(value)}}", TemplateText("up")) == "UP")
    }
}

/// The byte-level rewrites of text handling give what the character-level code gave.
@Suite struct TextScanningTests {
    @Test func blankBodiesAreThoseOfWhitespaceAndNewlinesOnly() {
        for blank in ["", " \n\t\r\n", "\u{200B}\u{3000}\u{2028}\u{85}"] {
            #expect(ContentText.nonBlank(blank) == nil, "\(Array(blank.unicodeScalars))")
        }
        for text in ["x", "  \n a", "\u{200B}·"] {
            #expect(ContentText.nonBlank(text) == text)
        }
    }

    @Test func linesSplitAtEveryNewlineKeepingCarriageReturnsAndTheByteOrderMark() {
        let text = "\u{FEFF}---\r\ntitle: é\u{301}\r\n\n---\nbody"
        let lines = TextLines(text)
        #expect(lines.byteOrderMark == "\u{FEFF}")
        #expect(lines.lines == ["---\r", "title: é\u{301}\r", "", "---", "body"])
        #expect(Array(lines.joined().utf8) == Array(text.utf8))
    }

    @Test func theBodyLosesTrailingWhitespaceOnly() throws {
        let split = try FrontMatter.split(TextLines("---\nx: 1\n---\n\n\nFirst line\n\nlast \u{3000}\n \t\n")).get()
        #expect(split.body == "First line\n\nlast")
    }
}
