import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// A run starts the checks that took longest last time first (`ProbeSchedule`), so a hanging check waits out its
/// timeout beside the others instead of after them.
@Suite struct ProbeScheduleTests {
    typealias F = ProbeFixtures

    private func check(_ id: String, timeoutMs: Int = 5_000) -> CheckConfig {
        F.http(id, "http://127.0.0.1:9/\(id)", timeoutMs: timeoutMs)
    }

    private func key(_ id: String) -> RollupKey { RollupKey(componentID: "test", checkID: id) }

    @Test func longestExpectedFirstTiesAndUnknownsByTimeoutInConfigOrder() {
        let checks = [check("fast"), check("new"), check("hung"), check("slow"), check("fast-too"), check("new-short", timeoutMs: 50)]
        let schedule = ProbeSchedule(expectedMs: [
            key("fast"): 12, key("hung"): 5_000, key("slow"): 800, key("fast-too"): 12,
        ])
        let order = schedule.order(Array(checks.indices), of: checks).map { checks[$0].id }
        // "new" has no history: expected to take its whole timeout (5,000 ms), as long as "hung", and comes first
        // because it comes first in the config.
        #expect(order == ["new", "hung", "slow", "new-short", "fast", "fast-too"])
        // Only the given indices are ordered.
        #expect(schedule.order([0, 3], of: checks) == [3, 0])
    }

    @Test func withoutHistoryTheConfigOrderStands() {
        let checks = [check("a"), check("b", timeoutMs: 100), check("c", timeoutMs: 90_000)]
        #expect(ProbeSchedule.configOrder.order([0, 1, 2], of: checks) == [0, 1, 2])
    }

    /// End to end through the store: with one transfer at a time, the first run starts the checks in config order,
    /// the second starts the one that was slow first. The test server answers each request of a log with 200 plus
    /// how many came before it, so the status codes are the order the checks started in. The slow check takes
    /// 1.5 s, far more than a fast one takes even while the other suites load the same test server.
    @Test func theNextRunStartsTheSlowCheckFirst() async throws {
        let server = try F.server()
        let folder = try TemporaryFolder()
        let log = UUID().uuidString
        let config = try F.config("""
            site: {title: T, url: 'https://status.example.com'}
            paths: {database: \(folder.file("sitrep.sqlite").path), output: \(folder.file("site").path)}
            probe: {concurrency: 1, retries: 0, timeout_ms: 5000}
            components:
              - id: first
                name: First
                checks: [{id: http, type: http, url: "\(server.http("/arrival?log=\(log)&key=first"))"}]
              - id: second
                name: Second
                checks: [{id: http, type: http, url: "\(server.http("/arrival?log=\(log)&key=second"))"}]
              - id: slow
                name: Slow
                checks: [{id: http, type: http, url: "\(server.http("/arrival?log=\(log)&key=slow&ms=1500"))"}]
            """, in: folder)

        let first = try await ProbePipeline.run(config: config, location: "test")
        #expect(first.results.map(\.componentID) == ["first", "second", "slow"])
        #expect(first.results.map(\.httpStatus) == [200, 201, 202])
        #expect(first.results.allSatisfy { $0.status == .up })

        let second = try await ProbePipeline.run(config: config, location: "test")
        // Results stay in config order; the slow check was asked first. The two fast ones follow in the order of
        // their own measured times, which a few microseconds decide.
        #expect(second.results.map(\.componentID) == ["first", "second", "slow"])
        #expect(second.results[2].httpStatus == 203)
        #expect(Set(second.results[0...1].compactMap(\.httpStatus)) == [204, 205])

        // The probe reads the order through one connection of its own: the same times as a reader's.
        let database = folder.file("sitrep.sqlite")
        let quick = try #require(try ResultStore.probeSchedule(at: database))
        let reader = try #require(try ResultStore.openForReading(at: database))
        defer { try? reader.close() }
        #expect(quick.expectedMs == (try reader.probeSchedule()).expectedMs)
        #expect(quick.expectedMs.count == 3)
        #expect(try #require(quick.expectedMs[RollupKey(componentID: "slow", checkID: "http")]) >= 1_500)
    }

    /// No file and an empty file mean no history; a database of another program is refused.
    @Test func theProbesOwnReadOfTheOrderNeedsASitrepDatabase() throws {
        let folder = try TemporaryFolder()
        let database = folder.file("sitrep.sqlite")
        #expect(try ResultStore.probeSchedule(at: database) == nil)
        try Data().write(to: database)
        #expect(try ResultStore.probeSchedule(at: database) == nil)
        let foreign = folder.file("other.sqlite")
        let queue = try DatabaseQueue(path: foreign.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
        try queue.close()
        #expect(throws: StoreError.self) { try ResultStore.probeSchedule(at: foreign) }
    }

    /// The order is only a hint: a file that is not a database gives config order, and the run then stops at the
    /// writer's opening with the store's own error, storing nothing.
    @Test func anUnreadableDatabaseMeansConfigOrderAndTheUsualError() async throws {
        let folder = try TemporaryFolder()
        let database = folder.file("sitrep.sqlite")
        try Data("not a database at all, but long enough to be looked at as one".utf8).write(to: database)
        let config = try F.config("""
            site: {title: T, url: 'https://status.example.com'}
            paths: {database: \(database.path), output: \(folder.file("site").path)}
            probe: {concurrency: 1, retries: 0, timeout_ms: 500}
            components:
              - {id: a, name: A, checks: [{id: tcp, type: tcp, host: 127.0.0.1, port: 9}]}
            """, in: folder)
        await #expect(throws: StoreError.self) { try await ProbePipeline.run(config: config, location: "test") }
        #expect(try Data(contentsOf: database) == Data("not a database at all, but long enough to be looked at as one".utf8))
    }
}
