import Foundation
import Testing
@testable import SitrepKit

@Suite struct TemplateDiagnosticsTests {
    /// A copy of the default theme to break.
    func copyOfTheme() throws -> ScratchFolder {
        let scratch = try ScratchFolder("templates")
        let target = scratch.url.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: SiteFixture.templates, to: target)
        return scratch
    }

    @Test func theDefaultThemeHasNoProblems() {
        #expect(TemplateSet.problems(in: SiteFixture.templates).isEmpty)
    }

    @Test func aTemplatesFolderThatIsASymbolicLinkIsReadThroughIt() throws {
        let scratch = try copyOfTheme()
        defer { scratch.remove() }
        let link = scratch.url.appendingPathComponent("shared-theme")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: scratch.url.appendingPathComponent("templates"))
        #expect(TemplateSet.problems(in: link).isEmpty)
        #expect(TemplateSet.templateFiles(in: link) == TemplateSet.templateFiles(in: SiteFixture.templates))
        #expect(TemplateSet.templateFiles(in: link).contains("pages/index.mustache"))
    }

    @Test func aSyntaxErrorNamesTheFileAndLine() throws {
        let scratch = try copyOfTheme()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("templates/pages/incident.mustache")
        var lines = String(decoding: try Data(contentsOf: file), as: UTF8.self).components(separatedBy: "\n")
        lines[4] = "<p>{{#rootCause}}oops{{/rootCauze}}</p>"
        try Data(lines.joined(separator: "\n").utf8).write(to: file)

        let diagnostics = TemplateSet.problems(in: scratch.url.appendingPathComponent("templates"))
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.path.hasSuffix("templates/pages/incident.mustache"))
        #expect(diagnostic.line == 5)
        #expect(diagnostic.column > 1)
        #expect(diagnostic.description.hasPrefix("\(diagnostic.path):5:\(diagnostic.column): closing tag does not match"))
        #expect(throws: DiagnosticsError.self) {
            _ = try TemplateSet(directory: scratch.url.appendingPathComponent("templates"))
        }
    }

    @Test func everyProblemIsListedNotJustTheFirst() throws {
        let scratch = try copyOfTheme()
        defer { scratch.remove() }
        let templates = scratch.url.appendingPathComponent("templates")
        try Data("{{#open}}\nnever closed\n".utf8).write(to: templates.appendingPathComponent("partials/footer.mustache"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("pages/history.mustache"))
        try Data("<p>\n  {{> partials/nope}}</p>\n".utf8).write(to: templates.appendingPathComponent("partials/extra.mustache"))

        let diagnostics = TemplateSet.problems(in: templates)
        #expect(diagnostics.count == 3)
        #expect(diagnostics.contains { $0.path.hasSuffix("partials/footer.mustache") && $0.message.contains("never closed") })
        #expect(diagnostics.contains { $0.path.hasSuffix("pages/history.mustache") && $0.message.contains("missing template") })
        #expect(diagnostics.contains {
            $0.path.hasSuffix("partials/extra.mustache") && $0.line == 2 && $0.column == 3 && $0.message.contains("unknown partial 'partials/nope'")
        })
    }

    @Test func aMissingFolderIsOneDiagnostic() {
        let diagnostics = TemplateSet.problems(in: URL(fileURLWithPath: "/nonexistent/sitrep-templates"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path == "/nonexistent/sitrep-templates")
    }
}
