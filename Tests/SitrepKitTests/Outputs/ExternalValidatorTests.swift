import Foundation
import Testing
@testable import SitrepKit

/// Runs the Python scripts in `Validators/` (jsonschema, feedparser, icalendar, xml.etree: parsers that share
/// no code with sitrep) over the rendered fixture site.
enum ExternalValidators {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// `$SITREP_PYTHON` (set by `make test`), else the repository's `.venv`; nil when neither exists.
    static let python: String? = {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["SITREP_PYTHON"], !configured.isEmpty {
            candidates.append(configured)
        }
        let repository = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repository.appendingPathComponent(".venv/bin/python").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let skipReason: Comment = "no Python with feedparser/icalendar/jsonschema: run `make test` or create .venv"

    /// Runs a validator script; returns its exit status and combined output.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let python = try #require(python)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [folder.appendingPathComponent("Validators/\(script)").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func page(_ path: String) -> String { "\(OutputsFixture.siteURL)/\(path)" }

    /// What the fixture must produce, written by hand (not computed by the code under test).
    static var expectations: [String: Any] {
        let host = "status.example.com"
        let hostile = OutputsFixture.hostile
        let history = ["maintenance/next-upgrade", "maintenance/cancelled-migration", "maintenance/db-upgrade",
                       "incidents/search-slow", "incidents/db-failover", "maintenance/old-cleanup"]
        var badges: [String: String] = [
            "api.svg": "Public API: major outage", "api-uptime.svg": "Public API uptime over 30 days: 99.51%",
            "web.svg": "Website: degraded performance", "web-uptime.svg": "Website uptime over 30 days: 100%",
            "db.svg": "Database: under maintenance", "db-uptime.svg": "Database uptime over 30 days: 99.99%",
            "legacy.svg": "Legacy FTP: no recent data", "legacy-uptime.svg": "Legacy FTP uptime over 30 days: no data",
        ]
        badges["search.svg"] = "Search \(hostile): partial outage"
        badges["search-uptime.svg"] = "Search \(hostile) uptime over 30 days: 99.99%"
        return [
            "site_url": OutputsFixture.siteURL,
            "history": history.map { page("\($0).html") },
            "titles": [
                page("maintenance/next-upgrade.html"): "Storage upgrade \(hostile)",
                page("maintenance/cancelled-migration.html"): "[Cancelled] Region migration",
                page("incidents/search-slow.html"): "Slow search \(hostile)",
            ],
            "components": [
                "db": ["maintenance/next-upgrade", "maintenance/cancelled-migration", "maintenance/db-upgrade",
                       "incidents/db-failover", "maintenance/old-cleanup"].map { page("\($0).html") },
                "api": [page("incidents/db-failover.html")],
                "search": [page("incidents/search-slow.html")],
                "web": [String](), "legacy": [String](),
            ],
            "calendar": [
                "uids": ["next-upgrade", "cancelled-migration", "db-upgrade", "old-cleanup"].map { "\($0)@\(host)" },
                "cancelled_uids": ["cancelled-migration@\(host)"],
                "dtstamp": "20261120T120000Z",
                "site_url": OutputsFixture.siteURL,
                "summaries": [
                    "next-upgrade@\(host)": "Storage upgrade \u{2039}script\u{203A}alert(1)\u{2039}/script\u{203A} \"&'",
                    "cancelled-migration@\(host)": "Cancelled: Region migration",
                ],
                "descriptions_contain": ["cancelled-migration@\(host)": "Called off; see you soon."],
            ],
            "badges": badges,
        ]
    }
}

@Suite("Outputs: independent parsers", .enabled(if: RequiredTool.runs(ExternalValidators.python), ExternalValidators.skipReason))
struct OutputsExternalValidatorTests {
    func validate(_ script: String, extra: [String]) throws {
        let site = try OutputFiles().write()
        defer { try? FileManager.default.removeItem(at: site) }
        let expectations = site.appendingPathComponent("expectations.json")
        try JSONSerialization.data(withJSONObject: ExternalValidators.expectations, options: [.sortedKeys])
            .write(to: expectations)
        let arguments = [site.path] + extra.map { $0 == "EXPECTATIONS" ? expectations.path : $0 }
        let result = try ExternalValidators.run(script, arguments)
        #expect(result.status == 0, "\(script) failed:\n\(result.output)")
    }

    @Test("every api/v2 file matches the Statuspage v2 JSON Schema; api/v1 component files match SPEC.md's shape")
    func jsonSchemas() throws {
        try validate("validate_json.py", extra: [ExternalValidators.folder.appendingPathComponent("Schemas").path])
    }

    @Test("feedparser reads the RSS and Atom feeds without errors, items in order with stable absolute ids")
    func feeds() throws {
        try validate("validate_feeds.py", extra: ["EXPECTATIONS"])
    }

    @Test("icalendar reads maintenance.ics: events, UIDs, cancelled status, DTSTAMP, folding, escaping")
    func calendar() throws {
        try validate("validate_calendar.py", extra: ["EXPECTATIONS"])
    }

    @Test("every badge is well-formed SVG with role, aria-label, title and no external references")
    func badges() throws {
        try validate("validate_badges.py", extra: ["EXPECTATIONS"])
    }
}
