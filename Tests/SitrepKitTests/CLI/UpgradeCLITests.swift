import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// The binary on a database written by sitrep before status runs (the fixture of `StatusRunUpgradeTests`): a build
/// refuses it untouched, saying to probe, and the next probe upgrades it in place, keeping every stored row.
@Suite("sitrep on a database from before status runs", .serialized)
struct UpgradeCLITests {
    static let config = """
    site:
      title: Upgrade fixture
      url: https://status.example.test
    probe:
      timeout_ms: 2000
      retries: 0
    retention:
      raw_days: 3650
    components:
      - id: web
        name: Web
        checks:
          - {id: home, type: http, url: "http://127.0.0.1:1/"}
      - id: db
        name: Database
        checks:
          - {id: tcp, type: tcp, host: 127.0.0.1, port: 1}
    """

    @Test func buildRefusesTheOldDatabaseAndProbeUpgradesItInPlace() throws {
        let site = try FixtureSite(config: Self.config)
        defer { site.remove() }
        let database = site.root.appendingPathComponent("data/sitrep.sqlite")
        try FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: StatusRunUpgradeTests.fixture, to: database)
        let original = try Data(contentsOf: database)

        let build = try site.run("build", "--now", "2026-12-06T20:59:20Z")
        #expect(build.status != 0)
        #expect(build.stderr.contains("was written by an older version of sitrep; run `sitrep probe` once to upgrade it."), "\(build.stderr)")
        #expect(try Data(contentsOf: database) == original, "a build never writes to the database")

        let probe = try site.run("probe")
        #expect(probe.status == 0, "\(probe.stderr)")
        let store = try #require(try ResultStore.openForReading(at: database))
        #expect(try StoreFixtures.count("result", store) == 10)
        #expect(try StoreFixtures.count("component_status_run", store) == 2)
        // The old observations (four per component) and the new one of each are all in the daily rollups.
        let observations = try store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT sum(operational_count + degraded_performance_count + partial_outage_count + major_outage_count)
                FROM component_rollup_daily
                """)
        }
        #expect(observations == 10)
        let after = try site.run("build", "--now", "2026-12-06T20:59:20Z")
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try site.read("site/api/v1/components/web.json").contains(#""24h":50"#))
    }
}
