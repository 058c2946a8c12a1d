import Foundation
import Testing
@testable import SitrepKit

/// `type: flow` against `probe_test_server.py`: `POST /flow/login` answers a token (JSON), a request id (header) and
/// a session cookie; `GET /flow/orders` answers 200 only with `Authorization: Bearer <token>` and that cookie.
@Suite struct ProbeFlowTests {
    typealias F = ProbeFixtures

    @Test func loginThenTheAPIWithTheTokenAndTheCookieIsUp() async throws {
        let server = try F.server()
        let check = F.flow("login-flow", [F.login(server), F.orders(server),
                                          F.step("profile", server.http("/flow/user/${steps.login.session}-${steps.login.request}")) {
                                              $0.expect.status = [404]
                                          }])
        let result = try #require(await F.runOne(check))
        #expect(result.status == .up, "\(String(describing: result.error))")
        #expect(result.type == .flow)
        #expect(result.steps.map(\.name) == ["login", "orders", "profile"])
        #expect(result.steps.map(\.status) == [.up, .up, .up])
        #expect(result.steps.map(\.httpStatus) == [200, 200, 404])
        let timings = result.steps.compactMap(\.timings)
        #expect(timings.count == 3 && timings.allSatisfy { $0.totalMs > 0 && $0.totalMs >= $0.connectMs })
        #expect(result.latencyMs == timings.map(\.totalMs).reduce(0, +))
        #expect(result.httpStatus == 404)
    }

    @Test func withoutTheCookieJarTheAPIRefuses() async throws {
        // The same token without the session cookie (another flow, so another jar) is refused: the jar is real.
        let server = try F.server()
        let check = F.flow("no-jar", [
            F.step("orders", server.http("/flow/orders"), headers: ["Authorization": "Bearer tok-4711"]) { $0.expect.status = [200] },
        ])
        let result = try #require(await F.runOne(check))
        #expect(result.status == .down)
        #expect(result.steps.first?.httpStatus == 403)
    }

    @Test func aFailingMiddleStepNamesItselfAndStopsTheFlow() async throws {
        let server = try F.server()
        let check = F.flow("middle", [F.login(server), F.step("broken", server.http("/status/500")), F.orders(server)])
        let result = try #require(await F.runOne(check))
        #expect(result.status == .down)
        #expect(result.steps.map(\.status) == [.up, .down, nil])
        #expect(result.steps[1].error?.kind == .httpStatus)
        let error = try #require(result.error)
        #expect(error.kind == .httpStatus)
        #expect(error.message.hasPrefix("Step 'broken' failed: The server answered with HTTP status 500"))
        #expect(error.summary == "step broken: http_status")
    }

    @Test func aMissingCaptureTakesTheFlowDownAtThatStep() async throws {
        let server = try F.server()
        let check = F.flow("capture", [
            F.login(server, captures: [FlowCapture(name: "token", source: .json(path: "access_token"))]),
            F.orders(server),
        ])
        let result = try #require(await F.runOne(check))
        #expect(result.status == .down)
        #expect(result.steps.map(\.status) == [.down, nil])
        #expect(result.steps[0].httpStatus == 200)
        let error = try #require(result.error)
        #expect(error.kind == .capture)
        #expect(error.summary == "step login: no value for capture token (json access_token)")
    }

    @Test func aWrongPasswordFailsTheLoginStep() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.flow("denied", [F.login(server, password: "nope"), F.orders(server)])))
        #expect(result.steps.map(\.status) == [.down, nil])
        #expect(result.steps[0].httpStatus == 401)
    }

    @Test func theFlowHasOneDeadlineForAllItsSteps() async throws {
        let server = try F.server()
        // Each wait alone fits in the 1,200 ms easily; the three together (1,500 ms) do not. Which wait runs out
        // of time depends on the machine's load, so the test names none, only that one did and the rest never ran.
        let waits = (1...3).map { F.step("wait-\($0)", server.http("/slow?ms=500")) }
        let check = F.flow("deadline", waits + [F.orders(server)], timeoutMs: 1200)
        let result = try #require(await F.runOne(check))
        #expect(result.status == .down)
        let failed = try #require(result.steps.firstIndex { $0.status == .down })
        #expect((0...2).contains(failed), "\(result.steps)")
        #expect(result.steps[..<failed].allSatisfy { $0.status == .up })
        #expect(result.steps[(failed + 1)...].allSatisfy { $0.status == nil && $0.timings == nil })
        let error = try #require(result.error)
        #expect(error.kind == .timeout)
        #expect(error.message.hasPrefix("Step '\(result.steps[failed].name)' failed: No complete response before the flow's deadline of 1200 ms"))
        #expect(error.summary == "step \(result.steps[failed].name): did not finish within the flow's 1200 ms")
    }

    @Test func aDegradedStepDegradesTheFlowAndTheFlowGoesOn() async throws {
        let server = try F.server()
        let check = F.flow("degraded", [
            F.step("queue", server.http("/conditions")) {
                $0.expect.conditions = [F.condition(.json(path: "queue.depth"), "< 1000", failing: .degraded)]
            },
            F.login(server), F.orders(server),
        ])
        let result = try #require(await F.runOne(check))
        #expect(result.status == .degraded)
        #expect(result.steps.map(\.status) == [.degraded, .up, .up])
        #expect(result.error?.summary == "step queue: queue.depth: expected < 1000")
    }

    @Test func capturedValuesAreScrubbedFromMessages() async throws {
        let server = try F.server()
        let check = F.flow("scrubbed", [
            F.login(server),
            F.step("echo", server.http("/conditions")) {
                $0.expect.conditions = [F.condition(.json(path: "version"), "== tok-4711")]
            },
        ])
        let result = try #require(await F.runOne(check))
        #expect(result.status == .down)
        let message = try #require(result.error?.message)
        #expect(!message.contains("tok-4711"), "\(message)")
        #expect(message.contains("${steps.login.token}"), "\(message)")
    }
}
