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
                    try RollupWriter.append(ProbeRun(startedAt: second.at, durationMs: 1), results: [second], in: db)
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
}

/// Carries an error out of a dispatch block.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func set(_ error: any Error) { lock.withLock { stored = error } }
}
