import Foundation
import Testing
@testable import SitrepKit

/// Wall-clock deadlines of a probe run: hung endpoints end at their timeout and never hold up the others.
///
/// These bound elapsed time, so they only mean something on a machine that is not busy with other tests:
/// `make test` runs this suite on its own, after everything else (`--skip` / `--filter ProbeDeadlineTests`).
@Suite(.serialized) struct ProbeDeadlineTests {
    typealias F = ProbeFixtures

    @Test func retriesOfAHangingCheckStayWithinTheirTimeouts() async throws {
        let server = try F.server()
        let clock = ContinuousClock()
        let started = clock.now
        let results = await F.run([F.http("hang", server.http("/hang"), timeoutMs: 1000), F.http("ok", server.http("/ok"))],
                                  retries: 1)
        let elapsed = started.duration(to: clock.now)
        #expect(elapsed < .seconds(4), "two 1 s attempts plus overhead; this run took \(elapsed)")
        #expect(results[0].status == .down)
        #expect(results[0].error?.kind == .timeout)
        #expect(results[0].attempts == 2)
        #expect(results[1].status == .up)
        #expect(results[1].attempts == 1)
    }

    @Test func hangingEndpointsDoNotDelayHealthyOnes() async throws {
        let server = try F.server()
        var checks: [CheckConfig] = []
        for index in 0..<6 {
            checks.append(F.http("hang-\(index)", server.http("/hang"), timeoutMs: 1000))
            checks.append(F.http("drip-\(index)", server.http("/drip"), timeoutMs: 1000))
            checks.append(F.http("ok-\(index)", server.http("/ok"), timeoutMs: 1000))
        }
        let clock = ContinuousClock()
        let started = clock.now
        let results = await F.run(checks, concurrency: 64)
        let elapsed = started.duration(to: clock.now)
        #expect(elapsed < .seconds(3), "18 checks with a 1 s timeout, 12 of them hanging or dripping, must end within the timeout plus overhead; this run took \(elapsed)")
        #expect(results.map(\.checkID) == checks.map(\.id))
        for result in results {
            if result.checkID.hasPrefix("ok") {
                #expect(result.status == .up)
            } else {
                #expect(result.status == .down)
                #expect(result.error?.kind == .timeout)
            }
        }
    }
}
