import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// A database written by sitrep before status runs (`Fixtures/before-status-runs.sqlite`: four `sitrep probe` runs
/// of two components on 2026-12-06, `web` up twice then down twice, `db` down throughout) is upgraded in place by
/// the next writer and keeps its history readable; before that, a reader refuses it (v5 reads the compact layout
/// only) with a sentence saying to run `sitrep probe`.
@Suite("Store upgrade to status runs")
struct StatusRunUpgradeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/before-status-runs.sqlite")
    /// Just after the fixture's last run.
    static let now = Date(timeIntervalSince1970: 1_796_590_760)

    static func copy(into folder: TemporaryFolder) throws -> URL {
        let url = folder.file("sitrep.sqlite")
        try FileManager.default.copyItem(at: fixture, to: url)
        return url
    }

    static func webUptime(_ snapshot: StoreSnapshot) -> Double? {
        let config = Fixture.config(components: [Fixture.component("web", checks: ["home"]), Fixture.component("db", checks: ["tcp"])])
        return SiteModelBuilder.build(config: config, snapshot: snapshot, content: SiteContent(), now: snapshot.now)
            .component("web")?.uptime.h24
    }

    @Test func aReaderRefusesTheOldDatabaseUntilTheNextProbe() throws {
        let folder = try TemporaryFolder()
        let url = try Self.copy(into: folder)
        let original = try Data(contentsOf: url)
        let error = #expect(throws: StoreError.self) { _ = try ResultStore.openForReading(at: url) }
        #expect(error?.kind == .olderSchema)
        #expect(error?.description.hasSuffix("run `sitrep probe` once to upgrade it.") == true, "\(String(describing: error))")
        #expect(try Data(contentsOf: url) == original)
    }

    @Test func theNextWriterUpgradesInPlaceKeepingTheHistory() throws {
        let folder = try TemporaryFolder()
        let url = try Self.copy(into: folder)
        let store = try ResultStore.open(at: url)
        let upgraded = try store.snapshot(now: Self.now, days: 2)
        // Everything the old schema held is still there (`CompactStoreUpgradeTests` compares it row by row).
        #expect(upgraded.latestResults.map(\.componentID) == ["db", "web"])
        #expect(upgraded.componentDaily.map(\.observations) == [4, 4])
        #expect(try StoreFixtures.count("result", store) == 8)
        #expect(Self.webUptime(upgraded) == 50)
        // Old runs cannot be split into status runs: exact history starts at the next UTC midnight.
        let midnight = Date(timeIntervalSince1970: 1_796_601_600)
        #expect(upgraded.statusRunHistory.exactFrom == midnight)
        #expect(upgraded.statusRunHistory.statusRuns.isEmpty)

        // Runs appended after the upgrade keep status runs, and their day is exact.
        for minute in 0..<3 {
            let at = midnight.addingTimeInterval(Double(minute * 60 + 7))
            try store.append(ProbeRun(startedAt: at, durationMs: 1), results: [
                StoreFixtures.result("web", "home", at: at, status: minute == 0 ? .down : .up),
                StoreFixtures.result("db", "tcp", at: at),
            ])
        }
        let later = try store.snapshot(now: midnight.addingTimeInterval(600), days: 2)
        #expect(later.statusRunHistory.statusRuns.map { "\($0.componentID) \($0.status.rawValue) \($0.firstRunID)-\($0.lastRunID)" }
            == ["db operational 5-7", "web major_outage 5-5", "web operational 6-7"])
        // 24 hours back reach the old runs (web: 2 of 4 up, from rollups) and the new ones (2 of 3 up, exactly).
        #expect(Self.webUptime(later)?.isClose(to: 100.0 * 4 / 7) == true)
    }
}
