import Foundation
import Logging
import Testing
@testable import SitrepKit

/// `sitrep probe` writing its run while the checks run (`ResultFeed`, `ResultStore.appendLive`): every check's result
/// reaches the store once, from the transfer batch and from the task-run checks alike, and the rows are those of
/// appending the finished run after it.
@Suite struct ProbePipelineLiveAppendTests {
    typealias F = ProbeFixtures

    @Test func aRunWrittenWhileProbedLeavesTheRowsOfAppendingItAfter() async throws {
        let server = try F.server()
        let folder = try TemporaryFolder()
        // Two at a time, so results come over many turns; a hanging check ends at its timeout; a DNS check runs as a
        // task; one component has three checks.
        var components = ""
        for index in 0..<12 {
            let path = index % 5 == 4 ? "/hang" : index % 3 == 2 ? "/status/500" : "/ok"
            components += """
                  - id: c\(index)
                    name: C\(index)
                    checks: [{id: http, type: http, url: "\(server.http(path))"}]

                """
        }
        let config = try F.config("""
            site: {title: T, url: 'https://status.example.com'}
            paths: {database: \(folder.file("live.sqlite").path), output: \(folder.file("site").path)}
            probe: {concurrency: 2, retries: 0, timeout_ms: 1000}
            components:
            \(components)  - id: many
                name: Many
                checks:
                  - {id: a, type: http, url: "\(server.http("/ok"))"}
                  - {id: b, type: dns, name: localhost}
                  - {id: c, type: http, url: "\(server.http("/status/500"))"}
            """, in: folder)
        #expect(config.allChecks.count == 15)

        let report = try await ProbePipeline.run(config: config, location: "test", logger: Logger(label: "test"),
                                                 writingWhileProbingFrom: 1)
        #expect(report.results.map(\.checkID) == config.allChecks.map(\.id))
        #expect(Set(report.results.map(\.status)) == [.up, .down])

        let reference = try ResultStore.open(at: folder.file("reference.sqlite"))
        try reference.append(report.run, results: report.results)
        let live = try ResultStore.open(at: folder.file("live.sqlite"), readOnly: true)
        let expected = try StoreBatchAppendTests.contents(reference)
        #expect(try StoreBatchAppendTests.contents(live) == expected)
        #expect(expected["result"]?.count == 15 && expected["run"]?.count == 1)
    }

    @Test func theRunnerHandsOnEveryResultOnce() async throws {
        let server = try F.server()
        let checks = (0..<20).map { F.http("h\($0)", server.http($0 % 4 == 0 ? "/status/500" : "/ok")) }
            + [CheckConfig(componentID: "test", id: "dns", target: .dns(name: "localhost", record: .a), timeoutMs: 2_000,
                           displayTarget: "localhost")]
        let seen = ResultLog()
        let results = await ProbeRunner(settings: ProbeSettings(timeoutMs: 2_000, concurrency: 3, retries: 1))
            .run(checks, onResults: { seen.add($0) })
        let handed = seen.all.sorted { $0.index < $1.index }
        #expect(handed.map(\.index) == Array(checks.indices))
        #expect(handed.map(\.result.status) == results.map(\.status))
        #expect(handed.map(\.result.attempts) == results.map(\.attempts))
        #expect(results.contains { $0.attempts == 2 })
    }
}

/// What `onResults` was given, from any thread.
private final class ResultLog: @unchecked Sendable {
    // Safety: `entries` is only touched while holding `lock`.
    private let lock = NSLock()
    private var entries: [(index: Int, result: CheckResult)] = []

    func add(_ results: [(index: Int, result: CheckResult)]) { lock.withLock { entries += results } }
    var all: [(index: Int, result: CheckResult)] { lock.withLock { entries } }
}
