import Foundation
import Testing
@testable import SitrepKit

/// The email channel against aiosmtpd on 127.0.0.1: STARTTLS with a certificate made at test time, AUTH, both
/// MIME parts and every header checked by Python's own email parser on the receiving side.
@Suite(.enabled(if: NotifyTestServers.available, "needs the test venv (SITREP_PYTHON) with aiosmtpd"))
struct EmailChannelTests {
    typealias F = NotifyFixtures

    private func send(_ settings: EmailChannelSettings, to subscriber: Subscriber, _ event: NotificationEvent,
                      key: String) async throws -> DeliveryOutcome {
        let transport = NotificationTransport()
        let channels = try F.channels(.email(settings), subscribers: [subscriber], transport: transport)
        let channel = try #require(channels.first)
        let outcome = await channel.deliver(event, site: F.site, idempotencyKey: key, timeout: .seconds(20))
        await transport.close()
        return outcome
    }

    @Test func starttlsWithLoginDeliversTextAndHTMLParts() async throws {
        let servers = try NotifyTestServers.shared.get()
        let key = F.key("starttls")
        let outcome = try await send(F.email(servers.smtp(\.smtp_starttls), caFile: servers.caFile),
                                     to: F.subscriber(email: "ana@example.org"), F.incidentOpened(), key: key)
        #expect(outcome == .delivered)
        let mail = try #require(servers.mail(withKey: key))
        #expect(mail.server == "smtp_starttls")
        #expect(mail.tls && mail.authenticated)
        #expect(mail.mail_from == "<status@example.org>" || mail.mail_from == "status@example.org")
        #expect(mail.rcpt_tos == ["ana@example.org"])
        // Headers, as Python decodes them.
        #expect(mail.headers["Subject"] == "[Example] New incident: Datenbank: Verzögerung <b>ü</b> ✓")
        #expect(mail.raw_head.contains("Subject: =?UTF-8?B?"))
        #expect(mail.headers["From"] == "Exämple Status <status@example.org>")
        #expect(mail.headers["To"] == "ana@example.org")
        #expect(mail.headers["List-Unsubscribe"] == "<mailto:unsubscribe@example.org?subject=stop>")
        #expect(mail.headers["Idempotency-Key"] == key)
        #expect(mail.headers["Message-ID"]?.hasSuffix("@example.org>") == true)
        #expect(mail.headers["MIME-Version"] == "1.0")
        #expect(mail.date_ok)
        #expect(mail.content_type == "multipart/alternative")
        #expect(mail.longest_line <= 998 && !mail.bare_lf)
        // Both parts, plain text as written and HTML escaped, with the update's Markdown rendered safely.
        #expect(mail.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(mail.parts.allSatisfy { $0.charset == "utf-8" })
        let text = mail.parts[0].content
        #expect(text.contains("Datenbank: Verzögerung <b>ü</b> ✓"))
        #expect(text.contains("We are **looking** into it."))
        #expect(text.contains("Affected: API (Partial Outage)"))
        #expect(text.contains("https://status.example.org/incidents/db-slow.html"))
        let html = mail.parts[1].content
        #expect(html.contains("Datenbank: Verzögerung &lt;b&gt;ü&lt;/b&gt; ✓"))
        #expect(html.contains("<strong>looking</strong>"))
        #expect(!html.contains("<script>") && !html.contains("<b>ü</b>"))
        #expect(html.contains("<li>api slow</li>"))
        #expect(html.contains("href=\"mailto:unsubscribe@example.org?subject=stop\""))
    }

    @Test func implicitTLSDelivers() async throws {
        let servers = try NotifyTestServers.shared.get()
        let key = F.key("smtps")
        let outcome = try await send(F.email(servers.smtp(\.smtps, scheme: "smtps"), starttls: false, caFile: servers.caFile),
                                     to: F.subscriber(email: "bo@example.org"), F.componentDown(), key: key)
        #expect(outcome == .delivered)
        let mail = try #require(servers.mail(withKey: key))
        #expect(mail.server == "smtps" && mail.tls && mail.authenticated)
        #expect(mail.headers["Subject"] == "[Example] Website: Major Outage")
        #expect(mail.parts[0].content.contains("Website: Major Outage (was Operational)"))
    }

    @Test func neverSendsInTheClearWhenSTARTTLSIsRequired() async throws {
        let servers = try NotifyTestServers.shared.get()
        let key = F.key("plain")
        let outcome = try await send(F.email(servers.smtp(\.smtp_plain), caFile: servers.caFile),
                                     to: F.subscriber(email: "cy@example.org"), F.componentDown(), key: key)
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure to retry, got \(outcome)")
            return
        }
        #expect(!reason.contains("s3cret-pass"))
        #expect(servers.mail(withKey: key) == nil)
    }

    @Test func untrustedCertificateFails() async throws {
        let servers = try NotifyTestServers.shared.get()
        let outcome = try await send(F.email(servers.smtp(\.smtp_starttls), caFile: nil),
                                     to: F.subscriber(email: "di@example.org"), F.componentDown(), key: F.key("untrusted"))
        guard case .failed = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
    }

    @Test func refusedLoginIsRetriedAndKeepsTheSecretOut() async throws {
        let servers = try NotifyTestServers.shared.get()
        let wrong = "wrong-password-value"
        let outcome = try await send(F.email(servers.smtp(\.smtp_starttls), password: wrong, caFile: servers.caFile),
                                     to: F.subscriber(email: "ed@example.org"), F.componentDown(), key: F.key("login"))
        guard case .failed(let reason) = outcome else {
            Issue.record("a refused login is a config problem to fix and retry, got \(outcome)")
            return
        }
        #expect(!reason.contains(wrong))
    }

    @Test func refusedMailboxIsFinalAndNamedByPositionNotAddress() async throws {
        let servers = try NotifyTestServers.shared.get()
        let outcome = try await send(F.email(servers.smtp(\.smtp_starttls), caFile: servers.caFile),
                                     to: F.subscriber(email: "gone@example.org", position: 3), F.componentDown(), key: F.key("gone"))
        guard case .rejected(let reason) = outcome else {
            Issue.record("a 550 for the mailbox is final, got \(outcome)")
            return
        }
        #expect(reason.contains("550"))
        #expect(!reason.contains("gone@example.org"))
    }
}
