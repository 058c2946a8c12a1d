import Foundation
import Testing
@testable import SitrepKit

@Suite("YAML composer")
struct YAMLComposerTests {
    private func compose(_ text: String) throws -> YAMLComposer.Document {
        try YAMLComposer.compose(text)
    }

    private func syntaxError(_ text: String) -> YAMLSyntaxError? {
        do {
            _ = try YAMLComposer.compose(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func scalarsKeepTheirTextStyleAndPlace() throws {
        let document = try compose("""
        site:
          title: 'Quoted: yes'
          count: 12
          empty:
        checks:
          - {id: a, url: "http://x/\\u00e9"}
          - |
            line one
        """)
        let root = try #require(document.root)
        #expect(root.location == SourceLocation(line: 1, column: 1))
        guard case .scalar(let title)? = root["site"]?["title"] else { Issue.record("no title"); return }
        #expect(title.string == "Quoted: yes")
        #expect(title.style == .singleQuoted)
        #expect(title.location == SourceLocation(line: 2, column: 10))
        guard case .scalar(let count)? = root["site"]?["count"] else { Issue.record("no count"); return }
        #expect(count.string == "12" && count.style == .plain)
        #expect(root["site"]?["empty"]?.scalarText == "")
        guard case .sequence(let checks)? = root["checks"] else { Issue.record("no checks"); return }
        #expect(checks.count == 2)
        #expect(checks[0]["url"]?.scalarText == "http://x/é")
        #expect(checks[0].location == SourceLocation(line: 6, column: 5))
        guard case .scalar(let block) = checks[1] else { Issue.record("no block"); return }
        #expect(block.string == "line one" && block.style == .literal)
        guard case .mapping(let site)? = root["site"] else { Issue.record("no site"); return }
        #expect(site.keyTexts == ["title", "count", "empty"])
        #expect(site.keys.map(\.location.line) == [2, 3, 4])
    }

    @Test func anEmptyTextHasNoDocumentAndNoProblem() throws {
        #expect(try compose("").root == nil)
        #expect(try compose("# only a comment\n\n").root == nil)
        #expect(try compose("---\n").root?.scalarText == "")
    }

    @Test func aliasesAreCopiesOfTheirAnchoredNode() throws {
        let document = try compose("""
        defaults: &defaults {timeout_ms: 500, retries: 1}
        first: *defaults
        second: *defaults
        """)
        let root = try #require(document.root)
        for key in ["defaults", "first", "second"] {
            #expect(root[key]?["timeout_ms"]?.scalarText == "500")
            #expect(root[key]?["retries"]?.scalarText == "1")
            // An alias points at its anchored node, where the values are written.
            #expect(root[key]?.location == SourceLocation(line: 1, column: 11))
        }
        let undefined = try #require(syntaxError("a: 1\nb: *nowhere\n"))
        #expect(undefined.message == "found undefined alias")
        #expect(undefined.location == SourceLocation(line: 2, column: 4))
    }

    @Test func everyRepeatedKeyIsNotedWithItsFirstPlaceAndLeftOut() throws {
        let document = try compose("""
        a: 1
        b:
          c: 1
          c: 2
        a: 3
        f: {x: 1, x: 2}
        """)
        #expect(document.duplicateKeys == [
            .init(key: "c", location: SourceLocation(line: 4, column: 3), firstLocation: SourceLocation(line: 3, column: 3)),
            .init(key: "a", location: SourceLocation(line: 5, column: 1), firstLocation: SourceLocation(line: 1, column: 1)),
            .init(key: "x", location: SourceLocation(line: 6, column: 11), firstLocation: SourceLocation(line: 6, column: 5)),
        ])
        let root = try #require(document.root)
        #expect(root["a"]?.scalarText == "1")
        #expect(root["b"]?["c"]?.scalarText == "1")
        #expect(root["f"]?["x"]?.scalarText == "1")
        guard case .mapping(let top) = root else { Issue.record("not a mapping"); return }
        #expect(top.keyTexts == ["a", "b", "f"])
    }

    @Test func aLargeMappingFindsItsRepeatsToo() throws {
        // Past 16 keys the first places are kept in a table; the answers must be the same as the list's.
        var lines = (0..<40).map { "k\($0): \($0)" }
        lines.append("k3: again")
        lines.append("k39: again")
        let document = try compose(lines.joined(separator: "\n"))
        #expect(document.duplicateKeys.map(\.key) == ["k3", "k39"])
        #expect(document.duplicateKeys.map(\.firstLocation.line) == [4, 40])
        #expect(document.root?["k3"]?.scalarText == "3")
        guard case .mapping(let mapping)? = document.root else { Issue.record("not a mapping"); return }
        #expect(mapping.count == 40)
    }

    @Test func aSecondDocumentIsRefusedWhereItStarts() throws {
        let error = try #require(syntaxError("a: 1\n---\nb: 2\n"))
        #expect(error.message == "expected a single document in the stream but found another document")
        #expect(error.location.line == 2)
    }

    @Test func syntaxErrorsCarryLibyamlsWordsAndPlace() throws {
        let error = try #require(syntaxError("a: 1\nb: [x, y\nc: 2\n"))
        #expect(error.message.hasPrefix("while parsing a flow sequence"))
        #expect(error.location.line >= 3)
        // A reader error has a byte offset: its line and column are counted from it.
        let control = try #require(syntaxError("a: 1\nb: 2\nc: x\u{07}y\n"))
        #expect(control.message.contains("control characters are not allowed"))
        #expect(control.location == SourceLocation(line: 3, column: 5))
        let wide = try #require(syntaxError("é: 1\nb: ü\u{07}\n"))
        #expect(wide.location == SourceLocation(line: 2, column: 5))
    }

    @Test func nestedAliasesCannotStandForBillionsOfNodes() throws {
        // Nine levels of ten aliases each stand for a billion scalars; the composer stops at its limit.
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let items = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("l\(level): &l\(level) [\(items)]")
        }
        let error = try #require(syntaxError(lines.joined(separator: "\n")))
        #expect(error.message == "aliases stand for more than 1000000 nodes in all")
        #expect(error.location.line <= 10)
        // A few aliases of a small node are fine.
        #expect(try compose(lines.prefix(3).joined(separator: "\n")).root?["l2"] != nil)
    }

    @Test func deepNestingIsReadOrRefusedWithoutRecursion() throws {
        let deep = try compose(String(repeating: "[", count: 900) + String(repeating: "]", count: 900))
        var node = try #require(deep.root)
        var depth = 1
        while case .sequence(let items) = node, let first = items.first {
            node = first
            depth += 1
        }
        #expect(depth == 900)
        let tooDeep = try #require(syntaxError(String(repeating: "[", count: 100_000)))
        #expect(tooDeep.message.contains("Maximum nesting level reached"))
    }

    @Test func theDocumentReportsRepeatsAtTheirLinesWithTheOffset() {
        let collector = DiagnosticCollector(path: "x.md")
        let root = YAMLDocument.parse("title: A\ntitle: B\n", into: collector, lineOffset: 1)
        #expect(root?["title"]?.scalarText == "A")
        #expect(collector.diagnostics.map(\.description) == ["x.md:3:1: duplicate key 'title' (first at line 2)"])
        let broken = DiagnosticCollector(path: "x.md")
        #expect(YAMLDocument.parse("a: 1\nb: [x, y\nc: 2\n", into: broken, lineOffset: 1) == nil)
        #expect(broken.diagnostics.first?.message.hasPrefix("invalid YAML: while parsing a flow sequence") == true)
        #expect((broken.diagnostics.first?.line ?? 0) >= 4)
    }
}
