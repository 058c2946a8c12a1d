import Foundation
import Testing

/// The built `sitrep` binary, as a user runs it: stdout, stderr and exit codes.
@Suite("sitrep command line", .serialized)
struct CLITests {
    /// Targets that fail fast without any network: a refused loopback port and a name that never resolves.
    static let offlineConfig = """
    site:
      title: Fixture Status
      url: https://status.fixture.test
      timezone: Europe/Berlin
      refresh_seconds: 0
    probe:
      timeout_ms: 2000
      retries: 0
    groups:
      - {id: core, name: Core}
    components:
      - id: api
        name: API
        group: core
        checks:
          - {id: health, type: http, url: "http://127.0.0.1:1/health", public: true}
      - id: db
        name: Database
        group: core
        checks:
          - {id: pg, type: tcp, host: db.sitrep.invalid, port: 5432}
    """

    /// A minimal valid incident naming `api`, for tests that need one on disk.
    static let minorIncident = """
    ---
    title: Slow API
    impact: minor
    components: [api]
    updates:
      - {at: 2026-11-20T09:15:00Z, status: investigating, message: Looking.}
    ---

    """

    @Test func helpAndBadUsage() throws {
        let site = try FixtureSite(config: Self.offlineConfig, withTheme: false)
        defer { site.remove() }
        let help = try site.run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("probe") && help.stdout.contains("incident"))
        let bad = try site.run("probe", "--no-such-flag")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--no-such-flag"))
        let badEnum = try site.run("incident", "new", "Title", "--impact", "huge", "--component", "api")
        #expect(badEnum.status == 64)
    }

    @Test func checkListsEveryConfigProblemWithLineAndExits1() throws {
        let site = try FixtureSite(config: """
        site:
          title: T
          url: https://x.test
          colour: red
        components:
          - id: api
            name: API
            group: nowhere
        """, withTheme: false)
        defer { site.remove() }
        let outcome = try site.run("check")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("sitrep.yml:4:3: unknown key 'site.colour'"))
        #expect(outcome.stderr.contains("sitrep.yml:8:12: 'components[0].group' refers to unknown group 'nowhere'"))
        #expect(!outcome.stderr.contains("Fatal error"))
    }

    @Test func checkReportsContentProblemsAndPassesOnAValidSite() throws {
        let site = try FixtureSite(config: Self.offlineConfig)
        defer { site.remove() }
        let ok = try site.run("check")
        #expect(ok.status == 0, "\(ok.stderr)")
        try site.write("content/incidents/broken.md", """
        ---
        title: Broken
        impact: huge
        components: [api, nope]
        updates:
          - {at: 2026-11-20T09:15:00Z, status: investigating, message: Looking.}
        ---
        """)
        let bad = try site.run("check")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("content/incidents/broken.md:3:"))
        #expect(bad.stderr.contains("content/incidents/broken.md:4:"))
    }

    @Test func yamsEncodingOverrideInTheEnvironmentChangesNothing() throws {
        // Yams reads YAMS_DEFAULT_ENCODING on every parse it is not given an encoding for, and prints a line
        // to stdout each time it finds it; sitrep always parses as UTF-8.
        let site = try FixtureSite(config: Self.offlineConfig)
        defer { site.remove() }
        try site.write("content/incidents/slow.md", """
        ---
        title: Slow API
        impact: minor
        components: [api]
        updates:
          - {at: 2026-11-20T09:15:00Z, status: investigating, message: Looking.}
        ---
        """)
        let plain = try site.run("check")
        let overridden = try site.run("check", environment: ["YAMS_DEFAULT_ENCODING": "UTF16"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout == plain.stdout)
        // The theme line, the copied theme's files (all identical to the default) in one line, and OK.
        #expect(overridden.stdout.split(separator: "\n").count == 3, "\(overridden.stdout)")
    }

    @Test func probeRecordsDownTargetsPrintsATableAndExits0() throws {
        let site = try FixtureSite(config: Self.offlineConfig, withTheme: false)
        defer { site.remove() }
        let outcome = try site.run("probe")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("COMPONENT"))
        #expect(outcome.stdout.contains("api") && outcome.stdout.contains("DOWN"))
        #expect(outcome.stdout.contains("connect"))
        #expect(outcome.stdout.contains("dns"))
        #expect(site.exists("data/sitrep.sqlite"))
    }

    @Test func probeJSONHasTheSpecShape() throws {
        let site = try FixtureSite(config: Self.offlineConfig, withTheme: false)
        defer { site.remove() }
        let outcome = try site.run("probe", "--json", "--location", "eu-west")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let run = try #require(object["run"] as? [String: Any])
        #expect(run["location"] as? String == "eu-west")
        let started = try #require(run["started_at"] as? String)
        #expect(started.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(run["duration_ms"] is Int)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let api = try #require(results.first { $0["component"] as? String == "api" })
        #expect(api["check"] as? String == "health")
        #expect(api["type"] as? String == "http")
        #expect(api["status"] as? String == "down")
        let error = try #require(api["error"] as? [String: Any])
        #expect(error["kind"] as? String == "connect")
        let db = try #require(results.first { $0["component"] as? String == "db" })
        #expect((db["error"] as? [String: Any])?["kind"] as? String == "dns")
        #expect(db["http_status"] is NSNull)
    }

    @Test func aCorruptDatabaseIsRefusedAndLeftUntouched() throws {
        let site = try FixtureSite(config: Self.offlineConfig, withTheme: false)
        defer { site.remove() }
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try garbage.write(to: site.root.appendingPathComponent("data/sitrep.sqlite"))
        let outcome = try site.run("probe")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("sitrep.sqlite"))
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(try Data(contentsOf: site.root.appendingPathComponent("data/sitrep.sqlite")) == garbage)
    }

    @Test func buildIsReproducibleWithAPinnedClock() throws {
        let site = try FixtureSite(config: Self.offlineConfig)
        defer { site.remove() }
        #expect(try site.run("probe").status == 0)
        let first = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Built"))
        let firstTree = try site.tree("site")
        #expect(firstTree["index.html"] != nil)
        #expect(firstTree["api/v2/summary.json"] != nil)
        // Without its stamp the second build cannot take the "nothing changed" shortcut: it renders again.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".site.build-stamp"))
        let second = try site.run("build", environment: ["SOURCE_DATE_EPOCH": "1795435200"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("Built"), "\(second.stdout)")
        #expect(try site.tree("site") == firstTree)
    }

    @Test func aFailedBuildLeavesThePreviousSiteIntact() throws {
        let site = try FixtureSite(config: Self.offlineConfig)
        defer { site.remove() }
        #expect(try site.run("build", "--now", "2026-11-23T12:00:00Z").status == 0)
        let before = try site.tree("site")
        try site.write("templates/pages/index.mustache", "{{#broken}} never closed")
        try site.write("content/incidents/bad.md", "---\ntitle: Bad\nimpact: huge\nupdates: []\n---\n")
        let failed = try site.run("build", "--now", "2026-11-24T12:00:00Z")
        #expect(failed.status == 1)
        // Every problem is listed, content and templates alike, as `check` lists them.
        #expect(failed.stderr.contains("templates/pages/index.mustache"))
        #expect(failed.stderr.contains("content/incidents/bad.md:3:"))
        #expect(try site.tree("site") == before)
    }

    @Test func anOverlappingRunWaitsThenExitsWithAMessage() throws {
        let site = try FixtureSite(config: Self.offlineConfig)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("data"), withIntermediateDirectories: true)
        let lockPath = site.root.appendingPathComponent("data/sitrep.sqlite.lock").path
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lockPath, "sleep", "4"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        // Give flock a moment to take the lock before the run starts.
        var waited = 0
        while waited < 50, !FileManager.default.fileExists(atPath: lockPath) {
            usleep(100_000)
            waited += 1
        }
        usleep(300_000)
        let outcome = try site.run("run", "--wait-lock", "1")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("another sitrep run"))
        #expect(!site.exists("site/index.html"))
    }

    @Test func incidentNewAndUpdateWriteValidFiles() throws {
        let site = try FixtureSite(config: Self.offlineConfig)
        defer { site.remove() }
        let created = try site.run("incident", "new", "Elevated API errors", "--impact", "major", "--component", "api", "db")
        #expect(created.status == 0, "\(created.stderr)")
        let path = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix("content/incidents/") && path.hasSuffix("-elevated-api-errors.md"))
        let id = String(path.dropFirst("content/incidents/".count).dropLast(3))
        let original = try site.read(path)
        #expect(original.contains("investigating"))

        let updated = try site.run("incident", "update", id, "--status", "identified",
                                   "--message", "Rolling back: the deploy broke #42.", "--eta", "2026-11-20 10:30")
        #expect(updated.status == 0, "\(updated.stderr)")
        let text = try site.read(path)
        #expect(text.contains("identified"))
        #expect(text.contains("Rolling back: the deploy broke #42."))
        #expect(text.range(of: "identified")!.lowerBound < text.range(of: "investigating")!.lowerBound)
        #expect(try site.run("check").status == 0)

        let unknown = try site.run("incident", "new", "X", "--impact", "minor", "--component", "nope")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown component nope"))
        let missing = try site.run("incident", "update", "no-such-incident", "--status", "resolved", "--message", "x")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such-incident.md"))
    }

    @Test func initScaffoldsARepositoryThatChecksClean() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let outcome = try SitrepProcess.run(["init", "status"], in: parent)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let repo = parent.appendingPathComponent("status")
        for path in ["sitrep.yml", "content/incidents", "content/maintenance"] {
            #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent(path).path), "\(path)")
        }
        let ignored = try String(contentsOf: repo.appendingPathComponent(".gitignore"), encoding: .utf8).split(separator: "\n")
        #expect(Set(ignored).isSuperset(of: ["site/", "data/", ".site.build-stamp", "subscribers.yml"]), "\(ignored)")
        let check = try SitrepProcess.run(["check"], in: repo)
        #expect(check.status == 0, "\(check.stderr)")
        let again = try SitrepProcess.run(["init", "status"], in: parent)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }
}

/// The README's pull-request job runs `check` (and may write incidents or build) without the probe's secrets.
@Suite("sitrep without the probe's secrets", .serialized)
struct UnsetSecretsCLITests {
    static let config = """
    site:
      title: Fixture Status
      url: https://status.fixture.test
      refresh_seconds: 0
    probe: {timeout_ms: 1000, retries: 0}
    components:
      - id: api
        name: API
        checks:
          - {id: health, type: http, url: "${API_BASE}/health", headers: {Authorization: "Bearer ${ACME_TOKEN}"}}
    """

    @Test func onlyTheCommandsThatProbeNeedTheVariables() throws {
        let site = try FixtureSite(config: Self.config)
        defer { site.remove() }
        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("sitrep.yml:10:39: note: 'components[0].checks[0].url' uses ${API_BASE}, but the environment variable API_BASE is not set; only probe and run need it"), "\(check.stderr)")
        #expect(check.stderr.contains("ACME_TOKEN"))
        let strict = try site.run("check", "--strict-env")
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("sitrep.yml:10:39: 'components[0].checks[0].url' uses ${API_BASE}"), "\(strict.stderr)")
        #expect(strict.stderr.contains("2 problems found."), "\(strict.stderr)")

        let new = try site.run("incident", "new", "Slow API", "--impact", "minor", "--component", "api")
        #expect(new.status == 0, "\(new.stderr)")
        let build = try site.run("build", "--now", "2026-11-20T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.exists("site/index.html"))

        let probe = try site.run("probe")
        #expect(probe.status == 1)
        #expect(probe.stderr.contains("uses ${API_BASE}, but the environment variable API_BASE is not set"), "\(probe.stderr)")
        #expect(!site.exists("data/sitrep.sqlite"), "a refused probe records nothing")
        let run = try site.run("run")
        #expect(run.status == 1)
        let withSecrets = try site.run("check", "--strict-env", environment: ["API_BASE": "http://127.0.0.1:1", "ACME_TOKEN": "x"])
        #expect(withSecrets.status == 0, "\(withSecrets.stderr)")
        #expect(!withSecrets.stderr.contains("note:"))
    }
}
