import Dispatch
import Foundation
import GRDB
import Testing
@testable import SitrepKit

@Suite struct StoreConcurrentAccessTests {
    /// A reader takes its snapshot while a write transaction is open: neither waits for the other, and the
    /// reader sees the previous committed state, not the half-written run.
    @Test(.timeLimit(.minutes(1)))
    func readersDoNotBlockWritersAndSeeCommittedState() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("sitrep.sqlite")
        let store = try ResultStore.open(at: url)
        let t0 = StoreFixtures.day0
        let first = StoreFixtures.result("api", "health", at: t0)
        try store.append(ProbeRun(startedAt: t0, durationMs: 1), results: [first])

        let reader = try #require(try ResultStore.openForReading(at: url))
        let inTransaction = DispatchSemaphore(value: 0)
        let readDone = DispatchSemaphore(value: 0)
        let writerDone = DispatchGroup()
        let second = StoreFixtures.result("api", "health", at: t0.addingTimeInterval(60), status: .down)
        let writeError = ErrorBox()
        DispatchQueue.global().async(group: writerDone) {
            do {
                try store.pool.write { db in
                    try BatchAppender.append([(ProbeRun(startedAt: second.at, durationMs: 1), [second])], rawFromMs: .min, in: db)
                    inTransaction.signal()
                    readDone.wait()
                }
            } catch {
                writeError.set(error)
            }
        }
        inTransaction.wait()
        // Both the writer's own store and a separate read-only store read while the write is open.
        let during = try store.snapshot(now: t0.addingTimeInterval(120), days: 1, includingRecentResults: true)
        let duringReader = try reader.snapshot(now: t0.addingTimeInterval(120), days: 1, includingRecentResults: true)
        readDone.signal()
        writerDone.wait()
        #expect(writeError.error == nil)

        #expect(during.latestResults == [first])
        #expect(during.recentResults == [first])
        #expect(during.checkHourly.map(\.results) == [1])
        #expect(duringReader == during)
        let after = try reader.snapshot(now: t0.addingTimeInterval(120), days: 1, includingRecentResults: true)
        #expect(after.latestResults == [second])
        #expect(after.recentResults == [first, second])
        #expect(after.checkHourly.map(\.results) == [2])
    }

    /// While a writer appends run after run, every snapshot is one state: as many component observations as
    /// check results (one check per component here). A snapshot read in more than one transaction (for
    /// example component and check rows on two connections at once) fails this.
    @Test(.timeLimit(.minutes(1)))
    func snapshotsTakenDuringWritesAreEachOneState() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("sitrep.sqlite")
        let store = try ResultStore.open(at: url)
        let reader = try #require(try ResultStore.openForReading(at: url))
        let components = ["api": ["health"], "db": ["tcp"], "web": ["page"]]
        let runs = StoreFixtures.history(runs: 300, from: StoreFixtures.day0, step: 60, components: components, seed: 3)
        try store.append(runs[0].0, results: runs[0].1)
        let writerDone = DispatchGroup()
        let writeError = ErrorBox()
        DispatchQueue.global().async(group: writerDone) {
            do {
                for (run, results) in runs.dropFirst() { try store.append(run, results: results) }
            } catch {
                writeError.set(error)
            }
        }
        let now = StoreFixtures.day0.addingTimeInterval(300 * 60)
        var snapshots = 0
        var seenRunCounts: Set<Int> = []
        repeat {
            let snapshot = try reader.snapshot(now: now, days: 1)
            let observations = snapshot.componentHourly.reduce(0) {
                $0 + $1.operational + $1.degradedPerformance + $1.partialOutage + $1.majorOutage
            }
            let results = snapshot.checkHourly.reduce(0) { $0 + $1.results }
            let dailyResults = snapshot.checkDaily.reduce(0) { $0 + $1.results }
            #expect(observations == dailyResults, "component rows and check rows from different states")
            #expect(results <= dailyResults)
            #expect(observations % components.count == 0)
            seenRunCounts.insert(observations / components.count)
            snapshots += 1
        } while writerDone.wait(timeout: .now()) == .timedOut
        #expect(writeError.error == nil)
        // The reads overlapped the writes: snapshots saw several different numbers of runs.
        #expect(seenRunCounts.count > 2, "\(snapshots) snapshots saw \(seenRunCounts.count) states")
    }
}

/// Carries an error out of a dispatch block.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func set(_ error: any Error) { lock.withLock { stored = error } }
}
