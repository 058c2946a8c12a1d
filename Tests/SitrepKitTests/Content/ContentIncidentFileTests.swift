import Foundation
import Testing
@testable import SitrepKit

@Suite struct ContentIncidentFileTests {
    static let now = utc("2026-11-20T23:30:00Z")

    @Test func newFileIsNamedByLocalDateAndSlug() {
        let file = IncidentFile.new(title: "Elevated API error rates!", impact: .major, components: ["api", "web"],
                                    at: Self.now, timeZone: ContentFixture.berlin)
        #expect(file.fileName == "2026-11-21-elevated-api-error-rates.md")
    }

    @Test func slugsAreFoldedCollapsedAndShort() {
        #expect(Slug.make(from: "  Störung: Zahlungs-API  / 502 ") == "storung-zahlungs-api-502")
        #expect(Slug.make(from: "日本語") == "incident")
        let long = Slug.make(from: String(repeating: "database ", count: 20))
        #expect(long.count <= 60)
        #expect(!long.hasSuffix("-"))
        #expect(Slug.isValid(long))
    }

    @Test func newFileAvoidsExistingIDs() {
        let file = IncidentFile.new(title: "Outage", impact: .critical, components: [], at: Self.now, timeZone: .gmt,
                                    existingIDs: ["2026-11-20-outage", "2026-11-20-outage-2"])
        #expect(file.fileName == "2026-11-20-outage-3.md")
    }

    @Test func newFileReparsesCleanly() throws {
        let file = IncidentFile.new(title: "Payments: \"card\" errors #2", impact: .major, components: ["api", "web"],
                                    at: Self.now, timeZone: ContentFixture.berlin)
        let id = String(file.fileName.dropLast(3))
        let (parsed, diagnostics) = parseIncident(file.text, id: id, timeZone: ContentFixture.berlin)
        #expect(diagnostics.isEmpty, "\(diagnostics)\n\(file.text)")
        let incident = try #require(parsed)
        #expect(incident.title == "Payments: \"card\" errors #2")
        #expect(incident.impact == .major)
        #expect(incident.components.map(\.id) == ["api", "web"])
        #expect(incident.updates == [IncidentUpdate(at: Self.now, status: .investigating, message: IncidentFile.defaultMessage)])
        #expect(incident.body == "")
        #expect(file.text.contains("at: 2026-11-21T00:30:00+01:00"))
    }

    @Test func newFileThroughTheLoader() throws {
        let file = IncidentFile.new(title: "DNS", impact: .minor, components: ["db"], at: Self.now, timeZone: .gmt, message: "Resolver timeouts.")
        let (content, diagnostics) = try ContentFixture(incidents: [file.fileName: file.text]).load()
        #expect(diagnostics.isEmpty)
        #expect(content.incidents.first?.updates.first?.message == "Resolver timeouts.")
    }

    static let handWritten = """
        ---
        # Incident for the API
        title: Elevated API error rates
        impact:   major   # raised from minor
        components: {api: major_outage}
        updates:                           # newest first; at least one
            # the first report
            -   at: 2026-11-20 10:15
                status: investigating   # via pager
                message: We are seeing elevated 5xx rates on the API.
        root_cause: not yet known
        ---

        ## Timeline

        - 10:15 paged
        """

    @Test func addingAnUpdateKeepsEveryLineAndGoesFirst() throws {
        let updated = try IncidentFile.addingUpdate(to: Self.handWritten, status: .identified, message: "Bad deploy.",
                                                    eta: utc("2026-11-20T10:30:00Z"), at: utc("2026-11-20T09:40:00Z"),
                                                    timeZone: ContentFixture.berlin)
        expectKeepsInOrder(Self.handWritten, in: updated)
        #expect(updated.contains("""
            updates:                           # newest first; at least one
                -   at: 2026-11-20T10:40:00+01:00
                    status: identified
                    eta: 2026-11-20T11:30:00+01:00
                    message: Bad deploy.
                # the first report
            """))
        let incident = try #require(parseIncident(updated, timeZone: ContentFixture.berlin).0)
        #expect(incident.updates.map(\.status) == [.identified, .investigating])
        #expect(incident.updates.first?.eta == utc("2026-11-20T10:30:00Z"))
        #expect(incident.body == "## Timeline\n\n- 10:15 paged")
        #expect(incident.startedAt == utc("2026-11-20T09:15:00Z"))
    }

    @Test func resolvedClosesTheIncident() throws {
        var text = IncidentFile.new(title: "Outage", impact: .critical, components: ["api"], at: utc("2026-11-20T09:00:00Z"), timeZone: .gmt).text
        text = try IncidentFile.addingUpdate(to: text, status: .monitoring, message: "Fix deployed.", at: utc("2026-11-20T09:30:00Z"))
        text = try IncidentFile.addingUpdate(to: text, status: .resolved, message: "All good.", at: utc("2026-11-20T10:00:00Z"))
        let incident = try #require(parseIncident(text).0)
        #expect(incident.updates.map(\.status) == [.resolved, .monitoring, .investigating])
        #expect(incident.isResolved)
        #expect(incident.resolvedAt == utc("2026-11-20T10:00:00Z"))
        #expect(incident.startedAt == utc("2026-11-20T09:00:00Z"))
    }

    @Test(arguments: [
        "Plain words",
        "Key: value pairs: everywhere",
        "# not a comment, and a trailing # too",
        "\"Quoted\" and 'single' quotes",
        "Back\\slash and tab\there",
        "Line one\nline two: with colon\n\n- a list # hash",
        "# Heading first\n\nthen text\n",
        "Ends with blank lines\n\n\n",
        "  leading spaces\nsecond line",
        "yes",
        "null",
        "- looks like a list",
        "{looks: like a map}",
        "[1, 2]",
        "@mention & *stars* `code` |pipe| >gt %pct !bang",
        "Emoji 🚒 and ünïcödé",
        "Carriage\r\nreturn",
        "---\nfake fence",
        "...\n---",
    ])
    func messagesRoundTrip(message: String) throws {
        let base = IncidentFile.new(title: "T", impact: .minor, components: [], at: utc("2026-11-20T09:00:00Z"), timeZone: .gmt).text
        let updated = try IncidentFile.addingUpdate(to: base, status: .identified, message: message, at: utc("2026-11-20T09:05:00Z"))
        expectKeepsInOrder(base, in: updated)
        let (incident, diagnostics) = parseIncident(updated)
        #expect(diagnostics.isEmpty, "\(diagnostics)\n\(updated)")
        #expect(incident?.updates.first?.message == message, "\(updated)")
        #expect(incident?.updates.count == 2)
    }

    @Test func crlfFilesStayCRLF() throws {
        let crlf = Self.handWritten.replacingOccurrences(of: "\n", with: "\r\n")
        let updated = try IncidentFile.addingUpdate(to: crlf, status: .monitoring, message: "Two\nlines", at: utc("2026-11-20T10:00:00Z"),
                                                    timeZone: ContentFixture.berlin)
        expectKeepsInOrder(crlf, in: updated)
        #expect(!updated.unicodeScalars.indices.contains { index in
            updated.unicodeScalars[index] == "\n" && (index == updated.unicodeScalars.startIndex
                || updated.unicodeScalars[updated.unicodeScalars.index(before: index)] != "\r")
        }, "every line still ends with CRLF")
        #expect(parseIncident(updated, timeZone: ContentFixture.berlin).0?.updates.first?.message == "Two\nlines")
    }

    @Test func listAtTheKeysIndentationIsFollowed() throws {
        let text = """
            ---
            title: T
            impact: none
            updates:
            - at: 2026-11-20T09:00:00Z
              status: investigating
              message: first
            ---
            """
        let updated = try IncidentFile.addingUpdate(to: text, status: .resolved, message: "done", at: utc("2026-11-20T09:10:00Z"))
        #expect(updated.contains("updates:\n- at: 2026-11-20T09:10:00Z\n  status: resolved\n  message: done\n- at: 2026-11-20T09:00:00Z"))
        #expect(parseIncident(updated).0?.status == .resolved)
    }

    @Test func refusesFilesItCannotEditSafely() {
        #expect(throws: ContentFileEditError.self) {
            try IncidentFile.addingUpdate(to: "no front matter", status: .resolved, message: "x", at: Self.now)
        }
        #expect(throws: ContentFileEditError.self) {
            try IncidentFile.addingUpdate(to: "---\ntitle: x\n", status: .resolved, message: "x", at: Self.now)
        }
        #expect(throws: ContentFileEditError.self) {
            try IncidentFile.addingUpdate(to: "---\ntitle: x\n---\n", status: .resolved, message: "x", at: Self.now)
        }
        #expect(throws: ContentFileEditError.self) {
            try IncidentFile.addingUpdate(to: "---\nupdates: [{at: 2026-11-20T09:00:00Z, status: investigating, message: x}]\n---\n",
                                          status: .resolved, message: "x", at: Self.now)
        }
        let text = IncidentFile.new(title: "T", impact: .minor, components: [], at: Self.now, timeZone: .gmt).text
        #expect(throws: ContentFileEditError(message: "the update's message must not be empty")) {
            try IncidentFile.addingUpdate(to: text, status: .resolved, message: " \n", at: Self.now)
        }
        #expect(throws: ContentFileEditError.self) {
            try IncidentFile.addingUpdate(to: text, status: .resolved, message: "older", at: Self.now.addingTimeInterval(-60))
        }
    }

    /// Every line of `original` appears in `updated`, unchanged and in the same order.
    private func expectKeepsInOrder(_ original: String, in updated: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let old = TextLines(original).lines
        var remaining = TextLines(updated).lines[...]
        for line in old {
            guard let index = remaining.firstIndex(of: line) else {
                Issue.record("line lost or changed: \(line.debugDescription)", sourceLocation: sourceLocation)
                return
            }
            remaining = remaining[(index + 1)...]
        }
        #expect(TextLines(updated).lines.count > old.count, sourceLocation: sourceLocation)
    }
}
