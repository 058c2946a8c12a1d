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

/// `ComponentStatusDetector` inside the probe append: what holds, for how long, and what is announced.
@Suite("notification status holds")
struct ComponentStatusHoldTests {
    static func config(hold: HoldSettings) -> SiteConfig {
        let folder = URL(fileURLWithPath: "/tmp/sitrep-hold")
        var config = SiteConfig(
            configFile: folder.appendingPathComponent("sitrep.yml"), site: SiteSettings(title: "T", url: "https://x.test"),
            paths: PathSettings(database: folder, content: folder, templates: folder, output: folder),
            probe: ProbeSettings(), retention: RetentionSettings(), uptime: UptimeWeights(), groups: [],
            components: [ComponentConfig(id: "api", name: "API")])
        config.notifications = NotificationSettings(
            hold: hold, channels: [ChannelConfig(name: "hook", type: .webhook, transport: .http(
                HTTPChannelSettings(url: "http://127.0.0.1:1/", displayURL: "http://127.0.0.1:1/")))])
        return config
    }

    /// Appends one run a minute with api in each status; returns the statuses announced, as `from>to`.
    static func announced(_ statuses: [CheckStatus], hold: HoldSettings) throws -> [String] {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let config = config(hold: hold)
        let outbox = StatusOutbox(detector: ComponentStatusDetector(config: config),
                                  targets: DeliveryTarget.all(config.notifications, subscribers: []))
        for (index, status) in statuses.enumerated() {
            let at = StoreFixtures.day0.addingTimeInterval(Double(index) * 60)
            try store.append(ProbeRun(startedAt: at, durationMs: 1),
                             results: [StoreFixtures.result("api", "health", at: at, status: status)], notifying: outbox)
        }
        return try store.readNotifications { db in try NotificationOutbox.openDeliveries(db) }.map { delivery in
            guard case .component(_, _, let from, let to, _) = delivery.event.subject else { return "?" }
            return "\(from?.rawValue ?? "none")>\(to.rawValue)"
        }
    }

    @Test func aFlappingCheckAnnouncesNothingUntilAStatusHolds() throws {
        #expect(try Self.announced([.up, .up, .down, .up, .down, .up, .down, .up], hold: HoldSettings(runs: 2)) == [])
        #expect(try Self.announced([.up, .up, .down, .down, .up, .up], hold: HoldSettings(runs: 2))
            == ["operational>major_outage", "major_outage>operational"])
    }

    @Test func minutesHoldToo() throws {
        // Runs are a minute apart: down at minutes 2, 3 and 4 lasts 2 minutes by the third run.
        #expect(try Self.announced([.up, .up, .down, .down], hold: HoldSettings(runs: 1, minutes: 2)) == [])
        #expect(try Self.announced([.up, .up, .up, .down, .down, .down], hold: HoldSettings(runs: 1, minutes: 2))
            == ["operational>major_outage"])
    }

    @Test func aFirstStatusThatIsNotOperationalIsAnnouncedWithoutFrom() throws {
        #expect(try Self.announced([.down, .down, .down], hold: HoldSettings(runs: 2)) == ["none>major_outage"])
    }
}
