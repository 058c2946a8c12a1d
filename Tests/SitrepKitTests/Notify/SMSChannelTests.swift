import Foundation
import Testing
@testable import SitrepKit

/// The SMS channel against a fake of Twilio's Messages API on 127.0.0.1 that checks the form and the Basic auth.
@Suite(.enabled(if: NotifyTestServers.available, "needs the test venv (SITREP_PYTHON)"))
struct SMSChannelTests {
    typealias F = NotifyFixtures

    private func send(to number: String, token: String = "twilio-token", _ event: NotificationEvent,
                      key: String) async throws -> DeliveryOutcome {
        let servers = try NotifyTestServers.shared.get()
        let settings = SMSChannelSettings(name: "text", url: servers.smsURL, accountSID: "AC123", authToken: token,
                                          from: "+15550001111", to: [number],
                                          redactor: SecretRedactor([(name: "TWILIO_TOKEN", value: token)]))
        let transport = NotificationTransport()
        let channel = try #require(try F.channels(.sms(settings), subscribers: [], transport: transport).first)
        #expect(!channel.name.contains(number))
        let outcome = await channel.deliver(event, site: F.site, idempotencyKey: key, timeout: .seconds(20))
        await transport.close()
        return outcome
    }

    private func request(withKey key: String) throws -> NotifyTestServers.ReceivedSMS? {
        try NotifyTestServers.shared.get().smsRequests().first { $0.idempotency_key == key }
    }

    @Test func postsTwiliosFormWithBasicAuth() async throws {
        let key = F.key("sms")
        let outcome = try await send(to: "+15550002222", F.incidentOpened(title: "Login & payments slow"), key: key)
        #expect(outcome == .delivered)
        let received = try #require(try request(withKey: key))
        #expect(received.path == "/2010-04-01/Accounts/AC123/Messages.json")
        #expect(received.user == "AC123")
        #expect(received.content_type == "application/x-www-form-urlencoded")
        #expect(received.form["To"] == "+15550002222")
        #expect(received.form["From"] == "+15550001111")
        #expect(received.form["Body"] == "Example: New incident: Login & payments slow (Investigating) https://status.example.org/incidents/db-slow.html")
    }

    @Test func refusedNumberIsFinalAndNotNamed() async throws {
        let outcome = try await send(to: "+15550000400", F.componentDown(), key: F.key("sms-400"))
        guard case .rejected(let reason) = outcome else {
            Issue.record("HTTP 400 for a number is final, got \(outcome)")
            return
        }
        #expect(reason.contains("400") && !reason.contains("+15550000400"))
    }

    @Test func wrongTokenIsRetried() async throws {
        let outcome = try await send(to: "+15550003333", token: "stale-token", F.componentDown(), key: F.key("sms-401"))
        #expect(outcome == .failed(reason: "SMS gateway answered HTTP 401"))
    }

    @Test func longBodiesAreCutToTwiliosLimit() {
        let body = SMSChannel.body(String(repeating: "word ", count: 1000))
        #expect(body.count == SMSChannel.maxBodyCharacters)
        #expect(body.hasSuffix("…"))
    }
}
