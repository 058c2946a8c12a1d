import Foundation
import SitrepKit
import Testing

/// `--version`, `maintenance new/update`, `--at`, content files named by path, and "did you mean" for config keys,
/// as a user meets them: the built binary on a fixture site.
@Suite("sitrep content commands and usage help", .serialized)
struct ContentCommandsCLITests {
    static let incident = CLITests.minorIncident
    static let incidentPath = "content/incidents/2026-11-20-slow-api.md"

    @Test func versionPrintsTheReleaseConstant() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        defer { site.remove() }
        let outcome = try site.run("--version")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == SitrepVersion.current + "\n")
        #expect(SitrepVersion.current.split(separator: ".").count == 3)
    }

    @Test func maintenanceNewAndUpdateWriteValidFiles() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        let created = try site.run("maintenance", "new", "Database upgrade", "--component", "db", "api",
                                   "--from", "2026-12-15 02:00", "--until", "2026-12-15T03:30:00+01:00")
        #expect(created.status == 0, "\(created.stderr)")
        let path = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path == "content/maintenance/2026-12-15-database-upgrade.md")
        let original = try site.read(path)
        #expect(original.contains("scheduled_for: 2026-12-15T02:00:00+01:00"))
        #expect(original.contains("scheduled_until: 2026-12-15T03:30:00+01:00"))
        #expect(original.contains("status: scheduled"))
        #expect(try site.run("check").status == 0)

        let started = try site.run("maintenance", "update", "2026-12-15-database-upgrade", "--status", "in_progress",
                                   "--message", "Started.", "--at", "2026-12-15 02:01")
        #expect(started.status == 0, "\(started.stderr)")
        let cancelled = try site.run("maintenance", "update", path, "--status", "cancelled",
                                     "--message", "Called off.", "--at", "2026-12-15T01:05:00Z")
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        let text = try site.read(path)
        #expect(text.contains("  - at: 2026-12-15T02:05:00+01:00\n    status: cancelled\n    message: Called off.\n"
            + "  - at: 2026-12-15T02:01:00+01:00\n    status: in_progress\n    message: Started.\n"), "\(text)")
        #expect(text.hasPrefix(original.components(separatedBy: "updates:")[0]))
        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        let build = try site.run("build", "--now", "2026-12-15T06:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try site.read("site/maintenance/2026-12-15-database-upgrade.html").contains("Called off."))

        let badStatus = try site.run("maintenance", "update", "2026-12-15-database-upgrade", "--status", "paused", "--message", "x")
        #expect(badStatus.status == 64)
        let backwards = try site.run("maintenance", "new", "Later", "--component", "db",
                                     "--from", "2026-12-15 04:00", "--until", "2026-12-15 03:00")
        #expect(backwards.status == 64)
        #expect(backwards.stderr.contains("--until must be after --from"), "\(backwards.stderr)")
        let badTime = try site.run("maintenance", "new", "Later", "--component", "db", "--from", "tomorrow", "--until", "2026-12-15 03:00")
        #expect(badTime.status == 64)
        #expect(badTime.stderr.contains("--from must be ISO 8601 or 'YYYY-MM-DD HH:MM' in Europe/Berlin, not 'tomorrow'"), "\(badTime.stderr)")
        let unknown = try site.run("maintenance", "new", "X", "--component", "nope", "--from", "2026-12-15 02:00", "--until", "2026-12-15 03:00")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown component nope"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/maintenance").path)
            == ["2026-12-15-database-upgrade.md"], "refused commands write nothing")
        #expect(try site.read(path) == text)
    }

    @Test func maintenanceUpdateAddsTheListToAFileWithoutOne() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        let handWritten = "---\ntitle: Upgrade\ncomponents: [db]   # kept\nscheduled_for: 2026-12-15T02:00:00Z\n"
            + "scheduled_until: 2026-12-15T03:30:00Z\n---\nBody stays.\n"
        try site.write("content/maintenance/upgrade.md", handWritten)
        let outcome = try site.run("maintenance", "update", "upgrade", "--status", "verifying", "--message", "Checking.",
                                   "--at", "2026-12-15T03:10:00Z")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try site.read("content/maintenance/upgrade.md") == "---\ntitle: Upgrade\ncomponents: [db]   # kept\n"
            + "scheduled_for: 2026-12-15T02:00:00Z\nscheduled_until: 2026-12-15T03:30:00Z\nupdates:    # newest first\n"
            + "  - at: 2026-12-15T04:10:00+01:00\n    status: verifying\n    message: Checking.\n---\nBody stays.\n")
        #expect(try site.run("check").status == 0)
    }

    @Test func incidentUpdateTakesItsTimeFromAt() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write(Self.incidentPath, Self.incident)
        for bad in ["yesterday", "2026-02-30 10:00", "0001-01-01T00:00:00Z", "10000-01-01T00:00:00Z"] {
            let outcome = try site.run("incident", "update", "2026-11-20-slow-api", "--status", "resolved", "--message", "Fixed.", "--at", bad)
            #expect(outcome.status == 64, "\(bad): \(outcome.stderr)")
            #expect(outcome.stderr.contains("--at must"), "\(bad): \(outcome.stderr)")
        }
        let older = try site.run("incident", "update", "2026-11-20-slow-api", "--status", "resolved", "--message", "Fixed.",
                                 "--at", "2026-11-20T09:00:00Z")
        #expect(older.status == 1)
        #expect(older.stderr.contains("later than the new update's time"), "\(older.stderr)")
        #expect(try site.read(Self.incidentPath) == Self.incident, "refused updates change nothing")

        let resolved = try site.run("incident", "update", "2026-11-20-slow-api", "--status", "resolved", "--message", "Fixed.",
                                    "--at", "2026-11-20 11:30")
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(try site.read(Self.incidentPath).contains("  - at: 2026-11-20T11:30:00+01:00\n    status: resolved\n"))
        #expect(try site.run("check").status == 0)
    }

    @Test func anIncidentMayBeNamedByItsPathInsideContentOnly() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write(Self.incidentPath, Self.incident)
        try site.write("content/2026-11-20-slow-api.md", Self.incident)
        try site.write("elsewhere/incidents/2026-11-20-slow-api.md", Self.incident)
        for outside in ["content/2026-11-20-slow-api.md", "elsewhere/incidents/2026-11-20-slow-api.md",
                        "content/maintenance/../../elsewhere/incidents/2026-11-20-slow-api.md", "2026-11-20-slow-api.md"] {
            let outcome = try site.run("incident", "update", outside, "--status", "resolved", "--message", "Fixed.")
            #expect(outcome.status == 64, "\(outside): \(outcome.stderr)")
            #expect(outcome.stderr.contains("is not a file in content/incidents/"), "\(outside): \(outcome.stderr)")
        }
        let badName = try site.run("incident", "update", "content/incidents/Slow API.md", "--status", "resolved", "--message", "x")
        #expect(badName.status == 64)
        #expect(badName.stderr.contains("is not an incident id"), "\(badName.stderr)")
        for file in [Self.incidentPath, "content/2026-11-20-slow-api.md", "elsewhere/incidents/2026-11-20-slow-api.md"] {
            #expect(try site.read(file) == Self.incident, "\(file)")
        }

        let byPath = try site.run("incident", "update", "./content/incidents/2026-11-20-slow-api.md", "--status", "resolved",
                                  "--message", "Fixed.", "--at", "2026-11-20 11:00")
        #expect(byPath.status == 0, "\(byPath.stderr)")
        #expect(byPath.stdout == Self.incidentPath + ": resolved\n")
        #expect(try site.read(Self.incidentPath).contains("status: resolved"))

        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/incidents/2026-11-21-linked.md").path,
                                                   withDestinationPath: "../../elsewhere/incidents/2026-11-20-slow-api.md")
        let linked = try site.run("incident", "update", "content/incidents/2026-11-21-linked.md", "--status", "resolved", "--message", "x")
        #expect(linked.status == 1)
        #expect(linked.stderr.contains("content/incidents/2026-11-21-linked.md is a symbolic link"), "\(linked.stderr)")
        #expect(try site.read("elsewhere/incidents/2026-11-20-slow-api.md") == Self.incident)
    }

    @Test func unknownConfigKeysSuggestTheKnownOne() throws {
        let misspelt = try FixtureSite(config: CLITests.offlineConfig.replacingOccurrences(of: "components:", with: "componets:"),
                                       withTheme: false)
        defer { misspelt.remove() }
        let top = try misspelt.run("check")
        #expect(top.status == 1)
        #expect(top.stderr.contains("sitrep.yml:11:1: unknown key 'componets'; did you mean 'components'?"), "\(top.stderr)")

        let expect = try FixtureSite(config: CLITests.offlineConfig.replacingOccurrences(
            of: "public: true}", with: "public: true, expect: {body_contain: ok, staus: [200]}}"), withTheme: false)
        defer { expect.remove() }
        let nested = try expect.run("check")
        #expect(nested.status == 1)
        #expect(nested.stderr.contains("unknown key 'components[0].checks[0].expect.body_contain'; did you mean 'body_contains'?"),
                "\(nested.stderr)")
        #expect(nested.stderr.contains("unknown key 'components[0].checks[0].expect.staus'; did you mean 'status'?"), "\(nested.stderr)")
        #expect(!nested.stderr.contains("unknown key 'site"), "\(nested.stderr)")

        let far = try FixtureSite(config: CLITests.offlineConfig.replacingOccurrences(of: "refresh_seconds: 0", with: "flavour: red"),
                                  withTheme: false)
        defer { far.remove() }
        let unrelated = try far.run("check")
        #expect(unrelated.stderr.contains("unknown key 'site.flavour'\n"), "no suggestion when nothing is close: \(unrelated.stderr)")
    }
}
