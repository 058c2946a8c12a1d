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
