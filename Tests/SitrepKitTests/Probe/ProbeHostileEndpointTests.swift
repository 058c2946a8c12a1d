import Foundation
import Testing
@testable import SitrepKit

/// Endpoints that misbehave must be classified, never crash the runner and never hold it past their timeout.
@Suite struct ProbeHostileEndpointTests {
    typealias F = ProbeFixtures

    @Test func hangingAfterAcceptTimesOut() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("hang", server.http("/hang"), timeoutMs: 1000)))
        #expect(result.status == .down)
        #expect(result.error?.kind == .timeout)
    }

    @Test func drippingOneBytePerSecondTimesOut() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("drip", server.http("/drip"), timeoutMs: 1500)))
        #expect(result.status == .down)
        #expect(result.error?.kind == .timeout)
    }

    @Test func emptyReplyIsDown() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("empty", server.http("/empty"))))
        #expect(result.status == .down)
        #expect(result.error?.kind == .other)
        #expect(result.error?.message.contains("without sending a response") == true)
    }

    @Test func hugeBodyWithLengthIsTooLarge() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("big", server.http("/big"), timeoutMs: 20_000)))
        #expect(result.status == .down)
        #expect(result.error?.kind == .tooLarge)
    }

    @Test func hugeStreamedBodyIsTooLargeAndStopsEarly() async throws {
        let server = try F.server()
        let key = UUID().uuidString
        let result = try #require(await F.runOne(F.http("stream", server.http("/big-stream?key=\(key)"), timeoutMs: 20_000)))
        #expect(result.status == .down)
        #expect(result.error?.kind == .tooLarge)
        // The server records how much it wrote once the client hung up: 200 MiB means we read it all.
        var verdict: Int?
        for _ in 0..<40 {
            verdict = await F.runOne(F.http("sent", server.http("/sent?key=\(key)")) { $0.expect.status = [200] })?.httpStatus
            if verdict != 503 { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(verdict == 200, "the server kept streaming after the limit was crossed")
    }

    @Test func refusedPortIsConnectDown() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("refused", "http://127.0.0.1:\(server.ports.refused)/")))
        #expect(result.status == .down)
        #expect(result.error?.kind == .connect)
        #expect(result.latencyMs == nil)
    }

    @Test func unresolvableHostIsDNSDown() async throws {
        let result = try #require(await F.runOne(F.http("nx", "http://no-such-host.sitrep.invalid/")))
        #expect(result.status == .down)
        #expect(result.error?.kind == .dns)
    }
}
