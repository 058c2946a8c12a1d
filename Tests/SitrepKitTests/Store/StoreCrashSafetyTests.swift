import Foundation
import GRDB
import Testing
@testable import SitrepKit

@Suite struct StoreCrashSafetyTests {
    /// A writer process killed with SIGKILL in the middle of its append loop leaves a consistent database:
    /// integrity_check is ok and every run it reported committed is there, whole, and counted in the rollups.
    @Test(.timeLimit(.minutes(2)))
    func killNineMidWriteKeepsCommittedRuns() throws {
        let helper = try #require(TestSupportBinary.url(), "build sitrep-testsupport first (swift build)")
        let folder = try TemporaryFolder()
        let url = folder.file("data/sitrep.sqlite")
        let checks = 500
        let process = Process()
        process.executableURL = helper
        process.arguments = ["append-loop", url.path, String(checks)]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()

        // Read "committed N" lines until at least 8 runs are in, then kill it while it keeps appending.
        var output = ""
        var reported = 0
        while reported < 8 {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }   // the helper exited on its own: fail below
            output += String(decoding: chunk, as: UTF8.self)
            let lines = output.split(separator: "\n").filter { $0.hasPrefix("committed ") }
            reported = lines.last.flatMap { Int($0.dropFirst("committed ".count)) } ?? 0
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)
        try #require(reported >= 8, "helper stopped early: \(output)")

        let store = try ResultStore.open(at: url)
        let integrity = try store.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        let runs = try StoreFixtures.count("run", store)
        // Killed after reporting `reported` commits: maybe one more committed before its line was printed.
        #expect(runs == reported || runs == reported + 1)
        let perRun = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT run.id, run.up_count + run.degraded_count + run.down_count AS counted, count(result.run_id) AS stored
                FROM run LEFT JOIN result ON result.run_id = run.id GROUP BY run.id ORDER BY run.id
                """)
        }
        #expect(perRun.map { $0["id"] as Int64 } == Array(1...Int64(runs)))
        for row in perRun {
            #expect(row["counted"] as Int == checks && row["stored"] as Int == checks)
        }
        let snapshot = try store.snapshot(now: Date(timeIntervalSince1970: 1_800_000_000 + 86_400), days: 2)
        #expect(snapshot.checkDaily.map(\.results).reduce(0, +) == runs * checks)
        #expect(snapshot.componentDaily.map(\.observations).reduce(0, +) == runs * 10)
        #expect(snapshot.latestResults.count == checks)
        // The database stays writable after the crash.
        let at = Date(timeIntervalSince1970: 1_800_000_000 + 3_600)
        try store.append(ProbeRun(startedAt: at, durationMs: 1), results: [StoreFixtures.result("api", "h", at: at)])
    }
}
