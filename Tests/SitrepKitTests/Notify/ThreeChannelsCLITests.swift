import Foundation
import Testing

/// Issue 15's "done when", with the built binary: a webhook, an email channel (aiosmtpd with STARTTLS and AUTH)
/// with subscribers, and an SMS channel (a fake Twilio); a component goes down and comes back, an incident is
/// opened and resolved, and each receiver gets exactly the messages it should, no address ever in the output.
@Suite("notifications on three channels", .serialized)
struct ThreeChannelsCLITests {
    static let ana = "ana-e2e@example.org"
    static let bo = "bo-e2e@example.org"
    static let phone = "+4915100000042"
    static let environment = [
        "HOOK_SECRET": NotifyReceiver.secret, "SMTP_PASSWORD": "s3cret-pass", "TWILIO_TOKEN": "twilio-token",
    ]

    @Test func aComponentDownAndBackAndAnIncidentOpenedAndResolvedReachEachReceiverExactlyOnce() throws {
        let servers = try NotifyTestServers.shared.get()
        let receiver = try NotifyReceiver()
        let site = try FixtureSite(config: NotifyCLITests.config(receiver, channels: """
            - {name: hook, type: webhook, url: "\(receiver.url("/webhook/hook"))", secret: "${HOOK_SECRET}"}
            - name: mail
              type: email
              url: "\(servers.smtp(\.smtp_starttls))"
              username: mailer
              password: ${SMTP_PASSWORD}
              from: "Fixture Status <status@fixture.test>"
              ca_file: "\(servers.caFile.path)"
            - name: text
              type: sms
              url: "\(servers.smsURL)"
              account_sid: AC123
              auth_token: ${TWILIO_TOKEN}
              from: "+15550001111"
              events: [incident_opened, incident_resolved]
          subscribers: subscribers.yml
        """), withTheme: false)
        defer { site.remove() }
        try site.write("subscribers.yml", """
        subscribers:
          - email: \(Self.ana)
          - email: \(Self.bo)
            components: [web]
          - phone: "\(Self.phone)"
            id: on-call
        """)
        var output = ""
        func sitrep(_ arguments: String...) throws -> SitrepProcess.Outcome {
            let outcome = try SitrepProcess.run(arguments, in: site.root, environment: Self.environment)
            output += outcome.stdout + outcome.stderr
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            return outcome
        }
        #expect(try sitrep("check").stdout.contains("OK"))
        // api: operational twice (the starting point), down twice (announced), back twice (announced).
        for health in [200, 200, 500, 500, 200, 200] {
            try receiver.setHealth("api", health)
            _ = try sitrep("run")
        }
        let now = Date()
        let opened = now.addingTimeInterval(-600)
        try site.write("content/incidents/db-slow.md", NotifyCLITests.incident(title: "Database slow", updates: [
            (opened, "investigating", "Looking into it."),
        ]))
        let dryRun = try sitrep("notify", "--dry-run")
        #expect(dryRun.stdout.contains("to 'text/on-call'") && dryRun.stdout.contains("Subject: "), "\(dryRun.stdout)")
        // One webhook, one mail to ana (bo only wants web), one text.
        #expect(try sitrep("notify").stdout.contains("notifications: 3 delivered"))
        try site.write("content/incidents/db-slow.md", NotifyCLITests.incident(title: "Database slow", updates: [
            (opened, "investigating", "Looking into it."),
            (now.addingTimeInterval(-60), "resolved", "Fixed."),
        ]))
        #expect(try sitrep("notify").stdout.contains("notifications: 3 delivered"))
        #expect(try sitrep("notify").stdout.contains("notifications: 0 delivered"))

        let hook = try receiver.requests(to: "/webhook/hook")
        #expect(hook.map(\.event) == ["component_status", "component_status", "incident_opened", "incident_resolved"])
        #expect(hook.map { $0.body.text(at: "component_update.new_status") } == ["major_outage", "operational", nil, nil])
        for request in hook { #expect(request.problems.isEmpty, "\(request.problems)") }

        let mails = servers.mails().filter { $0.rcpt_tos.contains(Self.ana) || $0.rcpt_tos.contains(Self.bo) }
        #expect(mails.count == 4)
        #expect(mails.allSatisfy { $0.rcpt_tos == [Self.ana] && $0.tls && $0.authenticated })
        #expect(mails.allSatisfy { $0.parts.map(\.type) == ["text/plain", "text/html"] })
        #expect(Set(mails.compactMap { $0.headers["Idempotency-Key"] }).count == 4)
        let subjects = mails.compactMap { $0.headers["Subject"] }
        #expect(subjects.filter { $0.contains("Database slow") }.count == 2, "\(subjects)")
        #expect(subjects.filter { $0.contains("API") }.count == 2, "\(subjects)")

        let texts = servers.smsRequests().filter { $0.form["To"] == Self.phone }
        #expect(texts.count == 2)
        #expect(texts.allSatisfy { $0.user == "AC123" && $0.form["Body"]?.contains("Database slow") == true })

        let status = try sitrep("notify", "--status")
        #expect(status.stdout.contains("text/on-call"))
        // --test reaches every recipient of the channel, limits or not, each on a line of its own.
        let test = try sitrep("notify", "--test", "mail")
        #expect(test.stdout.components(separatedBy: "test message delivered to 'mail/email-").count == 3, "\(test.stdout)")
        #expect(servers.mails().filter { $0.rcpt_tos == [Self.bo] }.count == 1)
        #expect(try sitrep("notify", "--test", "text").stdout == "test message delivered to 'text/on-call'\n")
        for personal in [Self.ana, Self.bo, Self.phone, "s3cret-pass", "twilio-token"] {
            #expect(!output.contains(personal), "\(personal) in the output")
            #expect(try site.tree("site").values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains(personal) })
        }
    }
}
