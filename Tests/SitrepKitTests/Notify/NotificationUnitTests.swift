import Foundation
import Testing
@testable import SitrepKit

@Suite("notification pieces")
struct NotificationUnitTests {
    /// RFC 4231, test case 2.
    @Test func theSignatureIsHMACSHA256OfTheBody() {
        let value = WebhookSignature.headerValue(body: Data("what do ya want for nothing?".utf8), secret: "Jefe")
        #expect(value == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func retriesBackOffExponentiallyUpToTheLimit() {
        let retry = RetrySettings(initialSeconds: 60, maxSeconds: 600, maxAttempts: 10)
        #expect((1...6).map { retry.delaySeconds(afterAttempts: $0) } == [60, 120, 240, 480, 600, 600])
        #expect(RetrySettings(initialSeconds: 0).delaySeconds(afterAttempts: 5) == 0)
        #expect(RetrySettings(initialSeconds: 60, maxSeconds: 3600).delaySeconds(afterAttempts: 500) == 3600)
    }

    @Test func answersAreReadAsDeliveredRetriedOrRejected() {
        func outcome(_ status: Int) -> DeliveryOutcome {
            HTTPChannel.outcome(of: TransferOutcome(failure: nil, httpStatus: status, timings: PhaseTimings(), body: Data(),
                                                    leafCertificateExpiry: nil), timeoutMs: 1000, redactor: SecretRedactor())
        }
        #expect(outcome(204) == .delivered)
        #expect(outcome(503) == .failed(reason: "HTTP 503"))
        #expect(outcome(429) == .failed(reason: "HTTP 429"))
        #expect(outcome(404) == .rejected(reason: "HTTP 404"))
    }
}
