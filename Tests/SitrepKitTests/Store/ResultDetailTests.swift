import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// `result_detail` ("v7: flow steps"): a flow's steps and a failed condition's summary survive the store, for the
/// latest result and for a build with `--now` in the past, and go with raw retention unless still the latest.
@Suite struct ResultDetailTests {
    static let steps = [
        FlowStepResult(name: "login", status: .up, httpStatus: 200,
                       timings: PhaseTimings(dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 40, totalMs: 41.5)),
        FlowStepResult(name: "orders", status: .down, httpStatus: 500, timings: PhaseTimings(dnsMs: 1, totalMs: 9),
                       error: ProbeError(kind: .httpStatus, message: "HTTP 500", summary: nil)),
        FlowStepResult(name: "logout", status: nil),
    ]

    static func flow(at: Date, steps: [FlowStepResult] = steps) -> CheckResult {
        CheckResult(componentID: "shop", checkID: "checkout", type: .flow, at: at, status: .down, latencyMs: 50.5,
                    httpStatus: 500, timings: nil,
                    error: ProbeError(kind: .httpStatus, message: "Step 'orders' failed: HTTP 500", summary: "step orders: http_status"),
                    steps: steps)
    }

    static func condition(at: Date) -> CheckResult {
        CheckResult(componentID: "queue", checkID: "depth", type: .http, at: at, status: .degraded, latencyMs: 4,
                    httpStatus: 200, timings: nil,
                    error: ProbeError(kind: .json, message: "The condition queue.depth < 1000 failed: it is 1500.",
                                      summary: "queue.depth: expected < 1000"))
    }

    @Test func stepsAndSummariesComeBackWithTheLatestResult() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let first = StoreFixtures.day0
        let second = first.addingTimeInterval(300)
        let laterSteps = [Self.steps[0], FlowStepResult(name: "orders", status: .up, httpStatus: 200), FlowStepResult(name: "logout", status: .up)]
        try store.append(ProbeRun(startedAt: first, durationMs: 60, location: "eu"), results: [Self.flow(at: first), Self.condition(at: first)])
        try store.append(ProbeRun(startedAt: second, durationMs: 60, location: "eu"), results: [Self.flow(at: second, steps: laterSteps)])

        let now = try store.snapshot(now: second.addingTimeInterval(1), days: 90)
        let flow = try #require(now.latestResults.first { $0.checkID == "checkout" })
        #expect(flow.steps == laterSteps)
        let queue = try #require(now.latestResults.first { $0.checkID == "depth" })
        #expect(queue.error?.summary == "queue.depth: expected < 1000")
        #expect(queue.steps.isEmpty)

        // A build as of before the second run reads the first run's raw result, with its own steps.
        let past = try store.snapshot(now: first.addingTimeInterval(1), days: 90)
        let earlier = try #require(past.latestResults.first { $0.checkID == "checkout" })
        #expect(earlier.steps == Self.steps)
        #expect(earlier.error?.summary == "step orders: http_status")
    }

    @Test func pruningKeepsTheDetailOfLatestResultsOnly() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let old = StoreFixtures.day0
        let recent = old.addingTimeInterval(40 * 86_400)
        try store.append(ProbeRun(startedAt: old, durationMs: 60, location: "eu"), results: [Self.flow(at: old), Self.condition(at: old)])
        try store.append(ProbeRun(startedAt: recent, durationMs: 60, location: "eu"), results: [Self.flow(at: recent)])
        #expect(try StoreFixtures.count("result_detail", store) == 3)
        try store.prune(now: recent.addingTimeInterval(60), keeping: RetentionSettings(rawDays: 30))
        // The old flow result is gone with raw retention; the old queue result is still that check's latest.
        let kept = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT check_id || '@' || at_ms FROM result_detail ORDER BY check_id") }
        #expect(kept == ["checkout@\(StoreTime.milliseconds(recent))", "depth@\(StoreTime.milliseconds(old))"])
    }

    @Test func damagedStepsAreReportedNotTrappedOn() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        try store.append(ProbeRun(startedAt: StoreFixtures.day0, durationMs: 60, location: "eu"), results: [Self.flow(at: StoreFixtures.day0)])
        try store.pool.write { db in try db.execute(sql: "UPDATE result_detail SET steps = '[{\"name\": 3}]'") }
        #expect(throws: StoreError.self) { try store.snapshot(now: StoreFixtures.day0.addingTimeInterval(1), days: 90) }
    }
}
