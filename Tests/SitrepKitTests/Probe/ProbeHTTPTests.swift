import Foundation
import Testing
@testable import SitrepKit

@Suite struct ProbeHTTPTests {
    typealias F = ProbeFixtures

    @Test func healthyEndpointIsUpWithTimings() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("ok", server.http("/ok"))))
        #expect(result.status == .up)
        #expect(result.error == nil)
        #expect(result.httpStatus == 200)
        #expect(result.attempts == 1)
        let timings = try #require(result.timings)
        #expect(timings.totalMs > 0)
        #expect(timings.totalMs >= timings.connectMs)
        #expect(timings.connectMs >= timings.dnsMs)
        #expect(result.latencyMs == timings.totalMs)
    }

    @Test func serverErrorIsHTTPStatusDown() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("500", server.http("/status/500"))))
        #expect(result.status == .down)
        #expect(result.error?.kind == .httpStatus)
        #expect(result.httpStatus == 500)
    }

    @Test func explicitStatusListIsHonoured() async throws {
        let server = try F.server()
        let results = await F.run([
            F.http("500-expected", server.http("/status/500")) { $0.expect.status = [500] },
            F.http("200-unexpected", server.http("/ok")) { $0.expect.status = [204] },
        ])
        #expect(results.map(\.status) == [.up, .down])
        #expect(results[1].error?.kind == .httpStatus)
    }

    @Test func slowResponseIsDegraded() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("slow", server.http("/slow?ms=600")) { $0.expect.maxResponseMs = 100 }))
        #expect(result.status == .degraded)
        #expect(result.error?.kind == .slow)
        #expect(result.httpStatus == 200)
    }

    @Test func jsonExpectations() async throws {
        let server = try F.server()
        let url = server.http("/json")
        let results = await F.run([
            F.http("json-up", url) {
                $0.expect.json = [JSONExpectation(path: "status", expected: .string("UP")),
                                  JSONExpectation(path: "db.ok", expected: .bool(true)),
                                  JSONExpectation(path: "items.0.ok", expected: .bool(true)),
                                  JSONExpectation(path: "count", expected: .number(3))]
            },
            F.http("json-wrong-value", url) { $0.expect.json = [JSONExpectation(path: "items.1.ok", expected: .bool(true))] },
            F.http("json-missing-path", url) { $0.expect.json = [JSONExpectation(path: "items.7.ok", expected: .bool(true))] },
            F.http("json-not-json", server.http("/not-json")) { $0.expect.json = [JSONExpectation(path: "a", expected: .null)] },
        ])
        #expect(results.map(\.status) == [.up, .down, .down, .down])
        #expect(results.dropFirst().allSatisfy { $0.error?.kind == .json })
        #expect(results[1].error?.message.contains("items.1.ok") == true)
    }

    @Test func keywordExpectations() async throws {
        let server = try F.server()
        let url = server.http("/ok")
        let results = await F.run([
            F.http("present", url) { $0.expect.bodyContains = "systems go" },
            F.http("absent", url) { $0.expect.bodyContains = "maintenance" },
            F.http("unwanted-absent", url) { $0.expect.bodyNotContains = "maintenance" },
            F.http("unwanted-present", url) { $0.expect.bodyNotContains = "systems" },
        ])
        #expect(results.map(\.status) == [.up, .down, .up, .down])
        #expect(results[1].error?.kind == .body)
        #expect(results[3].error?.kind == .body)
    }

    @Test func redirects() async throws {
        let server = try F.server()
        let results = await F.run([
            F.http("loop", server.http("/loop")),
            F.http("to-healthy", server.http("/redirect-ok")) { $0.expect.bodyContains = "systems go" },
            F.http("not-followed", server.http("/redirect-ok")) { $0.followRedirects = false },
        ])
        #expect(results[0].status == .down)
        #expect(results[0].error?.kind == .redirects)
        #expect(results[1].status == .up)
        #expect(results[1].httpStatus == 200)
        #expect(results[2].status == .up)
        #expect(results[2].httpStatus == 302)
    }

    @Test func methodHeadersAndBodyAreSent() async throws {
        let server = try F.server()
        let results = await F.run([
            F.http("post", server.http("/echo")) {
                $0.method = "POST"
                $0.body = "hello"
                $0.expect.bodyContains = "method=POST body=hello"
            },
            F.http("header", server.http("/headers")) {
                $0.headers = [HTTPHeader(name: "Authorization", value: "Bearer abc")]
                $0.expect.bodyContains = "auth=Bearer abc"
            },
        ])
        #expect(results.map(\.status) == [.up, .up])
    }
}
