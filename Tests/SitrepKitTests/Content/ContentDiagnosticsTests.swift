import Foundation
import Testing
@testable import SitrepKit

/// Every class of content problem, each with the exact line (and where it matters column) of the file.
@Suite struct ContentDiagnosticsTests {
    /// A valid incident; tests break one line of it.
    static let valid = """
        ---
        title: Slow API
        impact: minor
        components: [api]
        updates:
          - at: 2026-11-20T10:00:00Z
            status: monitoring
            message: A fix is out.
          - at: 2026-11-20T09:00:00Z
            status: investigating
            message: Looking.
        ---
        Body.
        """

    static func incident(replacing old: String, with new: String) -> (Incident?, [Diagnostic]) {
        let text = valid.replacingOccurrences(of: old, with: new)
        precondition(text != valid, "fixture replacement did not apply: \(old)")
        return parseIncident(text)
    }

    /// Exactly one diagnostic, at `line` (and `column` when given), whose message contains `words`.
    static func expectOne<Item>(_ result: (Item?, [Diagnostic]), line: Int, column: Int? = nil, _ words: String,
                                path: String = "incidents/2026-11-20-api.md", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (item, diagnostics) = result
        #expect(item == nil, sourceLocation: sourceLocation)
        #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        guard let diagnostic = diagnostics.first else { return }
        #expect(diagnostic.line == line, "\(diagnostic)", sourceLocation: sourceLocation)
        if let column { #expect(diagnostic.column == column, "\(diagnostic)", sourceLocation: sourceLocation) }
        #expect(diagnostic.message.contains(words), "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(diagnostic.path == path, sourceLocation: sourceLocation)
    }

    @Test func theValidFixtureIsValid() {
        #expect(parseIncident(Self.valid).1.isEmpty)
    }

    @Test func missingFrontMatter() {
        Self.expectOne(parseIncident("title: No fences\n"), line: 1, column: 1, "missing front matter")
    }

    @Test func unterminatedFrontMatter() {
        Self.expectOne(Self.incident(replacing: "---\nBody.", with: "Body."), line: 1, "never closed")
    }

    @Test func yamlSyntaxError() {
        // libyaml notices the unclosed flow sequence of line 4 at the next key, line 5 of the file.
        Self.expectOne(Self.incident(replacing: "components: [api]", with: "components: [api"), line: 5, column: 8,
                       "invalid YAML: while parsing a flow sequence")
    }

    @Test func emptyFrontMatter() {
        Self.expectOne(parseIncident("---\n---\nBody\n"), line: 1, "front matter is empty")
    }

    @Test func frontMatterThatIsNotAMapping() {
        Self.expectOne(parseIncident("---\n- a list\n---\n"), line: 2, column: 1, "must be a mapping")
    }

    /// One line of the valid fixture broken, and the one diagnostic that must come of it.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let name: String
        let old: String
        let new: String
        let line: Int
        let column: Int?
        let words: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "missing required key", old: "impact: minor\n", new: "", line: 2, column: 1, words: "missing required key 'impact'"),
        Breakage(name: "missing update message", old: "    message: Looking.\n", new: "", line: 9, column: 5,
                 words: "missing required key 'updates[1].message'"),
        Breakage(name: "unknown key", old: "impact: minor", new: "impact: minor\nseverity: high", line: 4, column: 1,
                 words: "unknown key 'severity'"),
        Breakage(name: "unknown key in an update", old: "    status: monitoring", new: "    status: monitoring\n    author: me",
                 line: 8, column: 5, words: "unknown key 'updates[0].author'"),
        Breakage(name: "bad impact", old: "impact: minor", new: "impact: huge", line: 3, column: 9,
                 words: "none, minor, major, critical, not 'huge'"),
        Breakage(name: "bad status", old: "status: monitoring", new: "status: fixed", line: 7, column: 13, words: "not 'fixed'"),
        Breakage(name: "bad component status", old: "components: [api]", new: "components: {api: on_fire}", line: 4, column: 19,
                 words: "not 'on_fire'"),
        Breakage(name: "maintenance status in an incident", old: "components: [api]", new: "components: {api: under_maintenance}",
                 line: 4, column: 19, words: "not 'under_maintenance'"),
        Breakage(name: "unknown component", old: "components: [api]", new: "components: [api, cdn]", line: 4, column: 19,
                 words: "unknown component 'cdn'"),
        Breakage(name: "unknown component in map form", old: "components: [api]",
                 new: "components:\n  api: major_outage\n  cdn: partial_outage", line: 6, column: 3, words: "unknown component 'cdn'"),
        Breakage(name: "component named twice", old: "components: [api]", new: "components: [api, api]", line: 4, column: 19,
                 words: "named twice"),
        Breakage(name: "unparseable time", old: "at: 2026-11-20T09:00:00Z", new: "at: this morning", line: 9, column: 9,
                 words: "not a valid time: 'this morning'"),
        Breakage(name: "unparseable eta", old: "    status: monitoring", new: "    status: monitoring\n    eta: soon", line: 8, column: 10,
                 words: "'updates[0].eta' is not a valid time"),
        Breakage(name: "updates not newest first", old: "at: 2026-11-20T09:00:00Z", new: "at: 2026-11-20T11:00:00Z", line: 9, column: 5,
                 words: "newest first"),
        Breakage(name: "empty title", old: "title: Slow API", new: "title: \"  \"", line: 2, column: 8, words: "'title' must not be empty"),
    ]

    @Test(arguments: breakages)
    func reportsTheBrokenLine(_ breakage: Breakage) {
        Self.expectOne(Self.incident(replacing: breakage.old, with: breakage.new), line: breakage.line, column: breakage.column, breakage.words)
    }

    @Test func noUpdates() {
        let text = """
            ---
            title: Slow API
            impact: minor
            updates: []
            ---
            """
        Self.expectOne(parseIncident(text), line: 4, column: 10, "at least one update")
    }

    @Test func updatesKeyMissing() {
        let text = """
            ---
            title: Slow API
            impact: minor
            ---
            """
        Self.expectOne(parseIncident(text), line: 2, "missing required key 'updates'")
    }

    @Test func fileNameNotASlug() {
        Self.expectOne(parseIncident(Self.valid, id: "Big_Outage"), line: 1, column: 1, "'Big_Outage.md' is not a valid id",
                       path: "incidents/Big_Outage.md")
    }

    /// A valid maintenance window; tests add to or break it.
    static let window = """
        ---
        title: Upgrade
        scheduled_for: 2026-11-22T02:00:00Z
        scheduled_until: 2026-11-22T04:00:00Z
        ---
        """

    static func maintenance(replacing old: String, with new: String) -> (Maintenance?, [Diagnostic]) {
        let text = window.replacingOccurrences(of: old, with: new)
        precondition(text != window, "fixture replacement did not apply: \(old)")
        return parseMaintenance(text)
    }

    @Test func theValidWindowIsValid() {
        #expect(parseMaintenance(Self.window).1.isEmpty)
    }

    @Test func scheduledUntilBeforeScheduledFor() {
        Self.expectOne(Self.maintenance(replacing: "until: 2026-11-22T04", with: "until: 2026-11-22T01"), line: 4, column: 18,
                       "must be after 'scheduled_for'", path: "maintenance/db-upgrade.md")
    }

    @Test func maintenanceStatusOtherThanCancelled() {
        Self.expectOne(Self.maintenance(replacing: "title: Upgrade", with: "title: Upgrade\nstatus: in_progress"), line: 3, column: 9,
                       "can only be 'cancelled'", path: "maintenance/db-upgrade.md")
    }

    @Test func maintenanceUpdateStatusesAreStatuspages() {
        let updates = "updates:\n  - at: 2026-11-22T02:00:00Z\n    status: investigating\n    message: Wrong kind of status.\n---"
        Self.expectOne(Self.maintenance(replacing: "04:00:00Z\n---", with: "04:00:00Z\n" + updates), line: 7, column: 13,
                       "scheduled, in_progress, verifying, completed, cancelled, not 'investigating'", path: "maintenance/db-upgrade.md")
    }

    @Test func everyProblemOfEveryFileIsReportedAtOnce() throws {
        let broken = Self.valid
            .replacingOccurrences(of: "impact: minor", with: "impact: huge")
            .replacingOccurrences(of: "components: [api]", with: "components: [cdn]")
            .replacingOccurrences(of: "at: 2026-11-20T09:00:00Z", with: "at: later")
        let fixture = try ContentFixture(
            incidents: ["2026-11-20-api.md": broken, "2026-11-21-ok.md": Self.valid, "No_Fences.md": "hello\n"],
            maintenance: ["2026-11-20-api.md": "---\ntitle: Same id, other kind\nscheduled_for: 2026-11-22T02:00:00Z\nscheduled_until: 2026-11-22T03:00:00Z\n---\n"])
        let (content, diagnostics) = fixture.load()
        #expect(diagnostics.map(\.description) == [
            "incidents/2026-11-20-api.md:3:9: 'impact' must be one of none, minor, major, critical, not 'huge'",
            "incidents/2026-11-20-api.md:4:14: unknown component 'cdn' in 'components': not a component id in sitrep.yml",
            "incidents/2026-11-20-api.md:9:9: 'updates[1].at' is not a valid time: 'later' (use 2026-11-20T09:15:00Z, an offset such as +01:00, or '2026-11-20 09:15' in the site's time zone)",
            "incidents/No_Fences.md:1:1: file name 'No_Fences.md' is not a valid id: use only lowercase letters, digits and '-' (it becomes a URL)",
            "incidents/No_Fences.md:1:1: missing front matter: the file must start with a '---' line, then YAML, then '---'",
        ])
        #expect(content.incidents.map(\.id) == ["2026-11-21-ok"])
        #expect(content.maintenance.map(\.id) == ["2026-11-20-api"])
    }

    @Test func unreadableFileIsReported() throws {
        let fixture = try ContentFixture()
        let folder = fixture.root.appendingPathComponent("incidents")
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: folder.appendingPathComponent("binary.md"))
        let (_, diagnostics) = fixture.load()
        #expect(diagnostics.map(\.description) == [
            "incidents/binary.md:1:1: this file is not UTF-8 text: byte 0xFF here is not part of a valid UTF-8 character",
        ])
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() throws {
        let fixture = try ContentFixture()
        let folder = fixture.root.appendingPathComponent("incidents")
        // Line 3, after "é" (two bytes, one column) and "x": a lone continuation byte.
        try Data("---\ntitle: T\néx".utf8 + [0x80] + Data("\n---\n".utf8)).write(to: folder.appendingPathComponent("latin.md"))
        let (_, diagnostics) = fixture.load()
        #expect(diagnostics.map(\.description) == [
            "incidents/latin.md:3:3: this file is not UTF-8 text: byte 0x80 here is not part of a valid UTF-8 character",
        ])
    }
}
