import Foundation
import Testing
@testable import SitrepKit

@Suite struct ProbeRunnerTests {
    typealias F = ProbeFixtures

    @Test func failingFirstThenSucceedingIsUpOnSecondAttempt() async throws {
        let server = try F.server()
        let url = server.http("/flaky?key=\(UUID().uuidString)")
        let result = try #require(await F.runOne(F.http("flaky", url), retries: 1))
        #expect(result.status == .up)
        #expect(result.attempts == 2)
    }

    @Test func withoutRetriesTheFirstFailureCounts() async throws {
        let server = try F.server()
        let url = server.http("/flaky?key=\(UUID().uuidString)")
        let result = try #require(await F.runOne(F.http("flaky", url), retries: 0))
        #expect(result.status == .down)
        #expect(result.error?.kind == .httpStatus)
        #expect(result.attempts == 1)
    }

    @Test func persistentFailureUsesEveryAttempt() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("500", server.http("/status/500")), retries: 2))
        #expect(result.status == .down)
        #expect(result.attempts == 3)
    }

    @Test func resultsComeBackInInputOrderWithLowConcurrency() async throws {
        let server = try F.server()
        let checks = (0..<12).map { index in
            index % 3 == 0 ? F.http("slow-\(index)", server.http("/slow?ms=200")) : F.http("ok-\(index)", server.http("/ok"))
        }
        let results = await F.run(checks, concurrency: 2)
        #expect(results.map(\.checkID) == checks.map(\.id))
        #expect(results.allSatisfy { $0.status == .up && $0.componentID == "test" })
    }

    /// More sockets ready at once than the engine collects from epoll in one call (256), some of them hanging past
    /// their timeout: every check still gets its own verdict, so no readiness event or timeout is lost.
    @Test func moreTransfersThanOneEventBatchAllGetTheirVerdicts() async throws {
        let server = try F.server()
        let checks = (0..<600).map { index in
            index % 20 == 0 ? F.http("hang-\(index)", server.http("/hang"), timeoutMs: 800)
                            : F.http("ok-\(index)", server.http("/ok"), timeoutMs: 20_000)
        }
        let results = await F.run(checks, concurrency: 600)
        #expect(results.map(\.checkID) == checks.map(\.id))
        let hung = results.filter { $0.checkID.hasPrefix("hang") }
        #expect(hung.count == 30)
        #expect(hung.allSatisfy { $0.status == .down && $0.error?.kind == .timeout })
        let answered = results.filter { $0.checkID.hasPrefix("ok") }
        #expect(answered.allSatisfy { $0.status == .up && $0.httpStatus == 200 })
    }

    /// Protocol conversations wait on their kept sockets in the same event loop as libcurl's transfers: echoes
    /// answer, silent servers run into their deadline, and the HTTP checks in between are not held up or mixed up.
    @Test func conversationsAndTransfersShareOneEventLoop() async throws {
        let server = try F.server()
        let servers = try F.protocols()
        let echo = servers.fake("echo"), silent = servers.fake("silent")
        var checks: [CheckConfig] = []
        for index in 0..<30 {
            checks.append(F.conversation("echo-\(index)", port: echo,
                                         .tcp(send: Data("hi \(index)".utf8), expect: .contains(Data("ECHO hi \(index)".utf8)))))
            checks.append(F.conversation("silent-\(index)", port: silent, timeoutMs: 700,
                                         .tcp(send: Data("hi".utf8), expect: .contains(Data("ECHO".utf8)))))
            checks.append(F.http("ok-\(index)", server.http("/ok")))
        }
        let results = await F.run(checks, concurrency: 90)
        #expect(results.map(\.checkID) == checks.map(\.id))
        for result in results {
            if result.checkID.hasPrefix("silent") {
                #expect(result.status == .down && result.error?.kind == .timeout, "\(result.checkID): \(String(describing: result.error))")
            } else {
                #expect(result.status == .up, "\(result.checkID): \(String(describing: result.error))")
            }
        }
    }

    /// Two engines (event-loop threads) share the transfers: every check gets its own verdict, a retry may run on
    /// the other engine than its first attempt, and protocol conversations keep working beside HTTP transfers.
    @Test func twoEnginesShareTheTransfersAndEveryCheckGetsItsVerdict() async throws {
        let server = try F.server()
        let echo = try F.protocols().fake("echo")
        var checks: [CheckConfig] = []
        for index in 0..<40 {
            checks.append(F.http("ok-\(index)", server.http("/ok")))
            checks.append(F.http("flaky-\(index)", server.http("/flaky?key=\(UUID().uuidString)")))
            checks.append(F.http("hang-\(index)", server.http("/hang"), timeoutMs: 700))
            checks.append(F.conversation("echo-\(index)", port: echo,
                                         .tcp(send: Data("hi \(index)".utf8), expect: .contains(Data("ECHO hi \(index)".utf8)))))
        }
        var runner = ProbeRunner(settings: ProbeSettings(timeoutMs: 5000, concurrency: 64, retries: 1))
        runner.engineCount = 2
        let results = await runner.run(checks)
        #expect(results.map(\.checkID) == checks.map(\.id))
        for result in results {
            switch result.checkID.split(separator: "-")[0] {
            case "ok", "echo":
                #expect(result.status == .up && result.attempts == 1, "\(result.checkID): \(String(describing: result.error))")
            case "flaky":
                #expect(result.status == .up && result.attempts == 2, "\(result.checkID): \(String(describing: result.error))")
            default:
                #expect(result.status == .down && result.error?.kind == .timeout && result.attempts == 2, "\(result.checkID)")
            }
        }
    }

    /// A second engine only for runs large enough to keep one thread busy, never more than the cores or the
    /// concurrency allow.
    @Test func engineCountFollowsTransfersCoresAndConcurrency() {
        #expect(ProbeRunner.engineCount(concurrency: 4096, transfers: 10_000, cores: 2) == 2)
        #expect(ProbeRunner.engineCount(concurrency: 4096, transfers: 10_000, cores: 8) == 2)
        #expect(ProbeRunner.engineCount(concurrency: 4096, transfers: 10_000, cores: 1) == 1)
        #expect(ProbeRunner.engineCount(concurrency: 1, transfers: 10_000, cores: 2) == 1)
        #expect(ProbeRunner.engineCount(concurrency: 64, transfers: 100, cores: 2) == 1)
        #expect(ProbeRunner.engineCount(concurrency: 64, transfers: 0, cores: 2) == 1)
    }

    @Test func secretsAreRedactedFromErrorMessages() async throws {
        let server = try F.server()
        let secret = "s3cr3t-token-value"
        let redactor = SecretRedactor([(name: "TOKEN", value: secret)])
        let url = "http://127.0.0.1:\(server.ports.refused)/?token=\(secret)"
        let checks = [F.http("secret", url), F.http("secret-nx", "http://\(secret).invalid/")]
        let results = await F.run(checks, redactor: redactor)
        for result in results {
            let message = try #require(result.error?.message)
            #expect(!message.contains(secret))
        }
        #expect(results[1].error?.message.contains("${TOKEN}") == true)
    }

    @Test func emptyInputGivesNoResults() async {
        #expect(await F.run([]).isEmpty)
    }
}
