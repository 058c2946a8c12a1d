import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// `appendLive` (`sitrep probe`: the run written part by part while its checks run) leaves exactly the rows of
/// `append` after the run, whatever order and parts the results come in; a cancelled run leaves nothing.
@Suite struct StoreLiveAppendTests {
    static let components = ["a": ["x", "y"], "b": ["z"], "c": ["w"], "d": ["v", "u", "t"], "e": ["s"]]
    /// 600 components of one or two checks (900 checks): results and settled components fill several statements, so
    /// parts are written before the run ends.
    static let many = Dictionary(uniqueKeysWithValues: (0..<600).map { index in
        ("c\(index)", (0...(index % 2)).map { "k\($0)" })
    })

    static func checks(of results: [CheckResult]) -> [CheckConfig] {
        // Only the ids matter to the store.
        results.map { result in
            CheckConfig(componentID: result.componentID, id: result.checkID, target: .tcp(host: "127.0.0.1", port: 9),
                        timeoutMs: 1_000, displayTarget: "127.0.0.1:9")
        }
    }

    /// Runs `appendLive` on a thread of its own while `deliver` feeds it, and returns its error, if any.
    static func appendLive(to store: ResultStore, checks: [CheckConfig], startedAt: Date, feed: ResultFeed,
                           deliver: () -> Void) async -> (any Error)? {
        let done: Task<(any Error)?, Never> = Task.detached {
            do {
                try store.appendLive(checks: checks, startedAt: startedAt, feed: feed, notifying: nil)
                return nil
            } catch {
                return error
            }
        }
        deliver()
        return await done.value
    }

    @Test func aLiveRunLeavesTheRowsOfAppend() async throws {
        let folder = try TemporaryFolder()
        // 6 runs half an hour apart (statuses change from run to run; the last run's hour and day hold rows), then
        // the run under test.
        let history = StoreFixtures.history(runs: 7, from: StoreFixtures.day0, step: 1_800, components: Self.many, seed: 3)
        let stores = try ["appended", "live"].map { name in
            let store = try ResultStore.open(at: folder.file("\(name).sqlite"))
            for (run, results) in history.dropLast() { try store.append(run, results: results) }
            return store
        }
        var (run, results) = history[6]
        // One result is taken in the next hour (and day) after the run started, one check is new.
        results[2].at = run.startedAt.addingTimeInterval(86_400)
        results.append(StoreFixtures.result("f", "r", at: run.startedAt.addingTimeInterval(1), status: .degraded))
        try stores[0].append(run, results: results)

        #expect(results.count > 2 * ResultFeed.defaultPartSize && Self.many.count > ResultFeed.defaultPartSize)
        let feed = ResultFeed(checks: results.count, concurrency: 4, partSize: 3)
        var order = Array(results.indices)
        var random = SeededGenerator(state: 9)
        order.shuffle(using: &random)
        let error = await Self.appendLive(to: stores[1], checks: Self.checks(of: results), startedAt: run.startedAt, feed: feed) {
            // All but the last result come in parts of one and two; the last only with the finished run.
            for start in stride(from: 0, to: order.count - 1, by: 2) {
                feed.deliver(order[start..<min(start + 2, order.count - 1)].map { ($0, results[$0]) })
            }
            feed.finish(run, results: results)
        }
        #expect(error == nil)
        let expected = try StoreBatchAppendTests.contents(stores[0])
        #expect(try StoreBatchAppendTests.contents(stores[1]) == expected)
        // The case is not trivial: the run extended some status runs and started others.
        let lastRunID = try await stores[0].pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM run") }
        let runs = try await stores[0].pool.read { db in
            try Row.fetchAll(db, sql: "SELECT first_run_id, last_run_id FROM component_status_run WHERE last_run_id = ?",
                             arguments: [lastRunID])
        }
        #expect(runs.contains { $0[0] as Int64 == lastRunID } && runs.contains { $0[0] as Int64 != lastRunID })
    }

    @Test func aCancelledRunLeavesNothing() async throws {
        let folder = try TemporaryFolder()
        let history = StoreFixtures.history(runs: 3, from: StoreFixtures.day0, step: 600, components: Self.components, seed: 4)
        let store = try ResultStore.open(at: folder.file("cancelled.sqlite"))
        for (run, results) in history.dropLast() { try store.append(run, results: results) }
        let before = try StoreBatchAppendTests.contents(store)
        let (run, results) = history[2]
        let feed = ResultFeed(checks: results.count, concurrency: 1, partSize: 2)
        let error = await Self.appendLive(to: store, checks: Self.checks(of: results), startedAt: run.startedAt, feed: feed) {
            feed.deliver(results.indices.dropLast().map { ($0, results[$0]) })
            feed.cancel()
            feed.finish(run, results: results)
        }
        #expect(error is CancellationError)
        #expect(try StoreBatchAppendTests.contents(store) == before)
    }
}
