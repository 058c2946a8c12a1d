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
