import Foundation
import Testing
@testable import SitrepKit

/// `expect` conditions against a real response of `probe_test_server.py`'s `/conditions`:
/// `{"workers": 3, "queue": {"depth": 1500}, "items": [], "version": "2.4.1", "ok": true, "count": "12"}`,
/// headers `X-Workers: 3` and `X-Version: 2.4.1`.
@Suite struct ProbeConditionTests {
    typealias F = ProbeFixtures

    private func run(_ conditions: [(String, Condition)]) async throws -> [CheckResult] {
        let server = try F.server()
        return await F.run(conditions.map { id, condition in
            F.http(id, server.http("/conditions")) { $0.expect.conditions = [condition] }
        })
    }

    @Test func jsonComparisonsDecideUpAndDown() async throws {
        let results = try await run([
            ("workers-at-least-1", F.condition(.json(path: "workers"), ">= 1")),
            ("workers-over-5", F.condition(.json(path: "workers"), "> 5")),
            ("depth-under-2000", F.condition(.json(path: "queue.depth"), "< 2000")),
            ("items-not-empty", F.condition(.json(path: "items"), "len > 0")),
            ("items-empty", F.condition(.json(path: "items"), "len == 0")),
            ("version-2", F.condition(.json(path: "version"), "matches ^2\\.")),
            ("version-3", F.condition(.json(path: "version"), "matches ^3\\.")),
            ("count-text-as-number", F.condition(.json(path: "count"), ">= 10")),
            ("ok-equals", F.condition(.json(path: "ok"), "== true")),
            ("absent-exists", F.condition(.json(path: "queue.consumers"), "exists")),
            ("absent-missing", F.condition(.json(path: "queue.consumers"), "missing")),
        ])
        #expect(results.map(\.status) == [.up, .down, .up, .down, .up, .up, .down, .up, .up, .down, .up])
        #expect([1, 3, 6, 9].allSatisfy { results[$0].error?.kind == .json })
        let workers = try #require(results[1].error)
        #expect(workers.message == "The condition workers > 5 failed: it is 3.")
        #expect(workers.summary == "workers: expected > 5")
        #expect(results[3].error?.message == "The condition items len > 0 failed: it is an array.")
        #expect(results[9].error?.message == "The condition queue.consumers exists failed: there is none.")
    }

    @Test func aConditionCanDegradeInsteadOfTakingDown() async throws {
        let results = try await run([
            ("depth-degraded", F.condition(.json(path: "queue.depth"), "< 1000", failing: .degraded)),
            ("depth-down", F.condition(.json(path: "queue.depth"), "< 1000")),
        ])
        #expect(results.map(\.status) == [.degraded, .down])
        let error = try #require(results[0].error)
        #expect(error.kind == .json)
        // The summary names the path and the expectation, never the value the server sent.
        #expect(error.summary == "queue.depth: expected < 1000")
        #expect(error.message.contains("1500"))
        #expect(error.summary?.contains("1500") == false)
    }

    @Test func aDownConditionWinsOverAnEarlierDegradedOne() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("both", server.http("/conditions")) {
            $0.expect.conditions = [F.condition(.json(path: "queue.depth"), "< 1000", failing: .degraded),
                                    F.condition(.json(path: "workers"), ">= 5")]
        }))
        #expect(result.status == .down)
        #expect(result.error?.summary == "workers: expected >= 5")
    }

    @Test func headerConditions() async throws {
        let results = try await run([
            ("workers-header", F.condition(.header(name: "x-workers"), ">= 2")),
            ("content-type", F.condition(.header(name: "Content-Type"), "matches ^application/json")),
            ("version-header", F.condition(.header(name: "X-Version"), "== 3.0.0")),
            ("absent-header", F.condition(.header(name: "X-Queue"), "exists")),
        ])
        #expect(results.map(\.status) == [.up, .up, .down, .down])
        #expect(results[2].error?.kind == .header)
        #expect(results[2].error?.message == "The condition header X-Version == \"3.0.0\" failed: it is \"2.4.1\".")
        #expect(results[3].error?.message.contains("there is none") == true)
    }

    @Test func responseTimeConditions() async throws {
        let server = try F.server()
        let results = await F.run([
            F.http("fast-enough", server.http("/conditions")) { $0.expect.conditions = [F.condition(.responseTime, "< 60000", failing: .degraded)] },
            F.http("slow-degraded", server.http("/slow?ms=300")) { $0.expect.conditions = [F.condition(.responseTime, "< 100", failing: .degraded)] },
            F.http("slow-down", server.http("/slow?ms=300")) { $0.expect.conditions = [F.condition(.responseTime, "< 100")] },
        ])
        #expect(results.map(\.status) == [.up, .degraded, .down])
        #expect(results[1].error?.kind == .slow)
        #expect(results[1].error?.summary == "response time: expected < 100")
        #expect(results[1].error?.message.hasPrefix("The condition response time < 100 failed: it took ") == true)
    }

    @Test func aBodyThatIsNotJSONFailsAJSONCondition() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("html", server.http("/not-json")) {
            $0.expect.conditions = [F.condition(.json(path: "workers"), ">= 1")]
        }))
        #expect(result.status == .down)
        #expect(result.error?.kind == .json)
        #expect(result.error?.message.contains("not valid JSON") == true)
    }
}
