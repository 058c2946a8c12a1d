import Foundation
import Testing

/// Notifications end to end: the built binary probes a loopback service, reads content and delivers to loopback
/// receivers that check every payload's format and signature (`notify_receiver.py`).
@Suite("notifications", .serialized)
struct NotifyCLITests {
    static let environment = ["HOOK_SECRET": NotifyReceiver.secret]

    static func config(_ receiver: NotifyReceiver, channels: String, timeoutMs: Int = 5000) -> String {
        """
        site:
          title: Fixture Status
          url: https://status.fixture.test
          timezone: UTC
        probe:
          timeout_ms: 3000
          retries: 0
        components:
          - id: api
            name: API
            checks:
              - {id: health, type: http, url: "\(receiver.url("/health/api"))"}
          - id: web
            name: Website
        notifications:
          hold: {runs: 2}
          timeout_ms: \(timeoutMs)
          retry: {initial_seconds: 0}
          channels:
        \(channels)
        """
    }

    static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func incident(title: String, updates: [(Date, String, String)]) -> String {
        let lines = updates.reversed().map { "  - {at: \"\(time($0.0))\", status: \($0.1), message: \"\($0.2)\"}" }
        return """
        ---
        title: \(title)
        impact: major
        components: [api]
        updates:
        \(lines.joined(separator: "\n"))
        ---

        """
    }

    @Test func aComponentThatGoesDownAndComesBackIsAnnouncedOnceEachWayOnEveryChannel() throws {
        let receiver = try NotifyReceiver()
        let site = try FixtureSite(config: Self.config(receiver, channels: """
            - {name: hook, type: webhook, url: "\(receiver.url("/webhook/hook"))", secret: "${HOOK_SECRET}"}
            - {name: chat, type: slack, url: "\(receiver.url("/slack/chat"))"}
            - {name: gamers, type: discord, url: "\(receiver.url("/discord/gamers"))"}
            - {name: office, type: teams, url: "\(receiver.url("/teams/office"))"}
        """))
        defer { site.remove() }
        func run(_ health: Int) throws -> SitrepProcess.Outcome {
            try receiver.setHealth("api", health)
            let outcome = try site.run("run", environment: Self.environment)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return outcome
        }
        // Operational twice: the starting point, announced to nobody. Then a flap (down once, up once): nothing.
        for health in [200, 200, 500, 200] { _ = try run(health) }
        #expect(try receiver.requests().isEmpty)
        // Down for two runs: announced once, on the second.
        _ = try run(500)
        #expect(try receiver.requests().isEmpty)
        let down = try run(500)
        #expect(down.stdout.contains("notifications: 4 delivered"))
        _ = try run(500)
        // Back for two runs: announced once.
        _ = try run(200)
        _ = try run(200)
        let requests = try receiver.requests()
        #expect(requests.count == 8)
        for request in requests {
            #expect(request.problems.isEmpty, "\(request.path): \(request.problems)")
            #expect(request.event == "component_status")
            #expect(request.agent.hasPrefix("sitrep-notify/"))
        }
        #expect(Set(requests.map(\.key)).count == 8)
        let hook = try receiver.requests(to: "/webhook/hook")
        #expect(hook.map { $0.body.text(at: "component_update.new_status") } == ["major_outage", "operational"])
        #expect(hook.map { $0.body.text(at: "component_update.old_status") } == ["operational", "major_outage"])
        #expect(hook.first?.body.text(at: "component.name") == "API")
        let slack = try receiver.requests(to: "/slack/chat")
        #expect(slack.first?.body.text(at: "blocks.0.text.text") == "API: Major Outage")
    }

    @Test func anIncidentIsSentWhenOpenedAndResolvedAndAnEditedTypoSendsNothing() throws {
        let receiver = try NotifyReceiver()
        let site = try FixtureSite(config: Self.config(receiver, channels: """
            - {name: hook, type: webhook, url: "\(receiver.url("/webhook/hook"))", secret: "${HOOK_SECRET}"}
            - name: chat
              type: slack
              url: "\(receiver.url("/slack/chat"))"
              events: [incident_opened, incident_resolved]
        """), withTheme: false)
        defer { site.remove() }
        let now = Date()
        let opened = now.addingTimeInterval(-600)
        try site.write("content/incidents/db-slow.md", Self.incident(title: "Database slow", updates: [
            (opened, "investigating", "<!channel> Lookng into it & more."),
        ]))
        try site.write("content/incidents/old.md", Self.incident(title: "Long ago", updates: [
            (now.addingTimeInterval(-3 * 86_400), "investigating", "Old."),
            (now.addingTimeInterval(-3 * 86_400 + 600), "resolved", "Fixed."),
        ]))
        try site.write("content/maintenance/upgrade.md", """
        ---
        title: Database upgrade
        components: [api]
        scheduled_for: "\(Self.time(now.addingTimeInterval(86_400)))"
        scheduled_until: "\(Self.time(now.addingTimeInterval(90_000)))"
        ---
        Planned.
        """)
        let first = try site.run("notify", environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("notifications: 3 delivered"))
        #expect(try receiver.requests(to: "/webhook/hook").map(\.event) == ["incident_opened", "maintenance_scheduled"])
        // The typo fixed: the same update (same time and status), so nothing is sent.
        try site.write("content/incidents/db-slow.md", Self.incident(title: "Database slow", updates: [
            (opened, "investigating", "<!channel> Looking into it & more."),
        ]))
        let again = try site.run("notify", environment: Self.environment)
        #expect(again.stdout.contains("notifications: 0 delivered"), "\(again.stdout)")
        try site.write("content/incidents/db-slow.md", Self.incident(title: "Database slow", updates: [
            (opened, "investigating", "<!channel> Looking into it & more."),
            (now.addingTimeInterval(-60), "resolved", "Fixed."),
        ]))
        let resolved = try site.run("notify", environment: Self.environment)
        #expect(resolved.stdout.contains("notifications: 2 delivered"), "\(resolved.stdout)")
        let hook = try receiver.requests(to: "/webhook/hook")
        #expect(hook.map(\.event) == ["incident_opened", "maintenance_scheduled", "incident_resolved"])
        #expect(hook.last?.body.text(at: "incident.status") == "resolved")
        #expect(hook.last?.body.text(at: "incident.shortlink") == "https://status.fixture.test/incidents/db-slow.html")
        #expect(hook.last?.body.value(at: "incident.resolved_at") is String)
        let slack = try receiver.requests(to: "/slack/chat")
        #expect(slack.map(\.event) == ["incident_opened", "incident_resolved"])
        #expect(slack.first?.body.text(at: "blocks.1.text.text")?.contains("&lt;!channel&gt; Lookng into it &amp; more.") == true)
        for request in try receiver.requests() { #expect(request.problems.isEmpty, "\(request.problems)") }
    }

    @Test func aMaintenanceWindowIsAnnouncedWhenItStartsAndWhenItIsCancelled() throws {
        let receiver = try NotifyReceiver()
        let site = try FixtureSite(config: Self.config(receiver, channels: """
            - {name: hook, type: webhook, url: "\(receiver.url("/webhook/hook"))", secret: "${HOOK_SECRET}"}
        """), withTheme: false)
        defer { site.remove() }
        let now = Date()
        let window = """
        ---
        title: Database upgrade
        components: [api]
        scheduled_for: "\(Self.time(now.addingTimeInterval(-300)))"
        scheduled_until: "\(Self.time(now.addingTimeInterval(3600)))"
        STATUS---
        Planned.
        """
        try site.write("content/maintenance/upgrade.md", window.replacingOccurrences(of: "STATUS", with: ""))
        let started = try site.run("notify", environment: Self.environment)
        #expect(started.stdout.contains("notifications: 1 delivered"), "\(started.stdout) \(started.stderr)")
        try site.write("content/maintenance/upgrade.md", window.replacingOccurrences(of: "STATUS", with: "status: cancelled\n"))
        let cancelled = try site.run("notify", environment: Self.environment)
        #expect(cancelled.stdout.contains("notifications: 1 delivered"), "\(cancelled.stdout) \(cancelled.stderr)")
        let hook = try receiver.requests(to: "/webhook/hook")
        #expect(hook.map(\.event) == ["maintenance_started", "maintenance_cancelled"])
        #expect(hook.map { $0.body.text(at: "incident.status") } == ["in_progress", "cancelled"])
        #expect(hook.first?.body.text(at: "incident.impact") == "maintenance")
        #expect(hook.first?.body.text(at: "incident.components.0.status") == "under_maintenance")
        for request in hook { #expect(request.problems.isEmpty, "\(request.problems)") }
    }

    @Test func aReceiverThatAnswers500ThenGetsTheEventOnceOnTheRetryRun() throws {
        let receiver = try NotifyReceiver()
        let site = try FixtureSite(config: Self.config(receiver, channels: """
            - {name: flaky, type: webhook, url: "\(receiver.url("/fail-once/webhook/flaky"))", secret: "${HOOK_SECRET}"}
        """), withTheme: false)
        defer { site.remove() }
        try site.write("content/incidents/outage.md", Self.incident(title: "Outage", updates: [
            (Date().addingTimeInterval(-60), "investigating", "Down."),
        ]))
        let first = try site.run("notify", environment: Self.environment)
        #expect(first.status == 0)
        #expect(first.stdout.contains("notifications: 0 delivered, 1 failed"), "\(first.stdout)")
        #expect(first.stderr.contains("to channel 'flaky' failed: HTTP 500 (retry after"), "\(first.stderr)")
        let status = try site.run("notify", "--status", "--json")
        let document = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(document.value(at: "deliveries.0.state") as? String == "pending")
        #expect(document.value(at: "deliveries.0.attempts") as? Int == 1)
        #expect(document.value(at: "channels.0.last_error") as? String == "HTTP 500")
        let second = try site.run("notify", environment: Self.environment)
        #expect(second.stdout.contains("notifications: 1 delivered"), "\(second.stdout)")
        let third = try site.run("notify", environment: Self.environment)
        #expect(third.stdout.contains("notifications: 0 delivered"), "\(third.stdout)")
        let requests = try receiver.requests()
        #expect(requests.map(\.status) == [500, 200])
        #expect(Set(requests.map(\.key)).count == 1)
        let table = try site.run("notify", "--status")
        #expect(table.stdout.contains("flaky") && table.stdout.contains("webhook"))
    }

    @Test func aHangingChannelFailsAtItsTimeoutAndTheOtherStillGetsItsMessage() throws {
        let receiver = try NotifyReceiver()
        let site = try FixtureSite(config: Self.config(receiver, channels: """
            - {name: stuck, type: webhook, url: "\(receiver.url("/hang/webhook/stuck"))", secret: "${HOOK_SECRET}"}
            - {name: fine, type: webhook, url: "\(receiver.url("/webhook/fine"))", secret: "${HOOK_SECRET}"}
        """, timeoutMs: 1000), withTheme: false)
        defer { site.remove() }
        try site.write("content/incidents/outage.md", Self.incident(title: "Outage", updates: [
            (Date().addingTimeInterval(-60), "investigating", "Down."),
        ]))
        let outcome = try SitrepProcess.run(["notify"], in: site.root, environment: Self.environment, deadline: 120)
        #expect(!outcome.timedOut)
        #expect(outcome.stdout.contains("notifications: 1 delivered, 1 failed"), "\(outcome.stdout)")
        #expect(outcome.stderr.contains("'stuck' failed: no answer within 1000 ms"), "\(outcome.stderr)")
        #expect(try receiver.requests(to: "/webhook/fine").map(\.status) == [200])
        #expect(try receiver.requests(to: "/hang/webhook/stuck").count == 1)
        // A second event waits behind the failed one: the channel's next attempt is the failed one's retry time.
        try site.write("content/incidents/later.md", Self.incident(title: "Later", updates: [
            (Date().addingTimeInterval(-30), "investigating", "More."),
        ]))
        try site.write("sitrep.yml", try site.read("sitrep.yml").replacingOccurrences(of: "initial_seconds: 0", with: "initial_seconds: 3600"))
        _ = try SitrepProcess.run(["notify"], in: site.root, environment: Self.environment, deadline: 120)
        let status = try site.run("notify", "--status", "--json")
        let document = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any] ?? [:]
        let stuck = (document["channels"] as? [[String: Any]])?.first { $0["name"] as? String == "stuck" }
        let retryAt = try #require(stuck?["next_attempt_at"] as? String)
        #expect(retryAt > Self.time(Date().addingTimeInterval(1800)), "\(status.stdout)")
        #expect(stuck?["pending"] as? Int == 2)
    }

    @Test func killedDuringADeliveryLosesNoEventAndResendsNoneThatSucceeded() throws {
        let receiver = try NotifyReceiver()
        let hanging = Self.config(receiver, channels: """
            - {name: hook, type: webhook, url: "\(receiver.url("/hang-after-first/webhook/hook"))", secret: "${HOOK_SECRET}"}
        """, timeoutMs: 60_000)
        let site = try FixtureSite(config: hanging, withTheme: false)
        defer { site.remove() }
        let now = Date()
        try site.write("content/incidents/first.md", Self.incident(title: "First", updates: [(now.addingTimeInterval(-1200), "investigating", "One.")]))
        try site.write("content/incidents/second.md", Self.incident(title: "Second", updates: [(now.addingTimeInterval(-600), "investigating", "Two.")]))
        // The first message is answered, the second never: kill -9 while sitrep waits for it.
        let process = Process()
        process.executableURL = SitrepProcess.binary
        process.arguments = ["notify"]
        process.currentDirectoryURL = site.root
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var waited = 0
        while try receiver.requests().count < 2, waited < 600, process.isRunning {
            Thread.sleep(forTimeInterval: 0.1)
            waited += 1
        }
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let beforeKill = try receiver.requests()
        #expect(beforeKill.map(\.status) == [200, nil])
        try site.write("sitrep.yml", hanging.replacingOccurrences(of: "/hang-after-first/webhook/hook", with: "/webhook/hook"))
        let rerun = try site.run("notify", environment: Self.environment)
        #expect(rerun.stdout.contains("notifications: 1 delivered"), "\(rerun.stdout) \(rerun.stderr)")
        let all = try receiver.requests()
        #expect(all.count == 3)
        let answered = all.filter { $0.status == 200 }
        #expect(answered.count == 2)
        #expect(Set(answered.map(\.key)).count == 2)
        #expect(all.last?.key == beforeKill.last?.key)
        #expect(all.last?.body.text(at: "incident.name") == "Second")
        let again = try site.run("notify", environment: Self.environment)
        #expect(again.stdout.contains("notifications: 0 delivered"))
    }

    @Test func testDryRunStatusAndSecretsOnTheCommandLine() throws {
        let receiver = try NotifyReceiver()
        let secretPath = "/webhook/hook-tok3n-4b6f1e2d"
        let site = try FixtureSite(config: Self.config(receiver, channels: """
            - {name: hook, type: webhook, url: "${HOOK_URL}", secret: "${HOOK_SECRET}"}
        """), withTheme: false)
        defer { site.remove() }
        let environment = Self.environment.merging(["HOOK_URL": receiver.url(secretPath)]) { $1 }
        let test = try site.run("notify", "--test", "hook", environment: environment)
        #expect(test.status == 0, "\(test.stderr)")
        #expect(test.stdout.contains("test message delivered to 'hook'"))
        #expect(try receiver.requests().map(\.event) == ["test"])
        let unknown = try site.run("notify", "--test", "hookk", environment: environment)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("there is no notification channel named 'hookk' (configured: hook)"))
        try site.write("content/incidents/outage.md", Self.incident(title: "Outage", updates: [
            (Date().addingTimeInterval(-60), "investigating", "Down."),
        ]))
        let dry = try site.run("notify", "--dry-run", environment: environment)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("(incident_opened) to 'hook'"), "\(dry.stdout)")
        #expect(dry.stdout.contains("\"name\":\"Outage\""))
        #expect(try receiver.requests().count == 1)
        let real = try site.run("notify", environment: environment)
        #expect(real.stdout.contains("notifications: 1 delivered"), "\(real.stdout)")
        let status = try site.run("notify", "--status")
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("hook") && status.stdout.contains("DELIVERED"))
        for output in [test.stdout, test.stderr, dry.stdout, dry.stderr, real.stdout, real.stderr, status.stdout] {
            #expect(!output.contains("tok3n"))
        }
        try receiver.setHealth("unused", 200)
        let refused = try FixtureSite(config: Self.config(receiver, channels: """
            - {name: hook, type: webhook, url: "http://127.0.0.1:1/tok3n-path", secret: "${HOOK_SECRET}"}
        """), withTheme: false)
        defer { refused.remove() }
        let failing = try refused.run("notify", "--test", "hook", environment: Self.environment)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("the test message to 'hook' failed: the connection was refused"), "\(failing.stderr)")
        #expect(!failing.stderr.contains("tok3n"))
    }

    @Test func notificationConfigProblemsNameTheLineAndKey() throws {
        let site = try FixtureSite(config: """
        site:
          title: T
          url: https://x.test
        components:
          - id: api
            name: API
        notifications:
          hold: {runs: 0}
          timout_ms: 5
          channels:
            - name: hook
              type: webhok
              url: https://hooks.example.test/x
            - name: chat
              type: slack
              url: not-a-url
              components: [apj]
              events: [incident_open]
        """, withTheme: false)
        defer { site.remove() }
        let outcome = try site.run("check")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("sitrep.yml:8:16: 'notifications.hold.runs' must be between 1 and 10000, not 0"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("sitrep.yml:9:3: unknown key 'notifications.timout_ms'; did you mean 'timeout_ms'?"))
        #expect(outcome.stderr.contains("sitrep.yml:12:13: 'notifications.channels[0].type' must be one of webhook, slack, discord, teams, email, sms, not 'webhok'"))
        #expect(outcome.stderr.contains("sitrep.yml:16:12: 'notifications.channels[1].url' must be an absolute http:// or https:// URL"))
        #expect(outcome.stderr.contains("sitrep.yml:17:19: 'notifications.channels[1].components' names unknown component 'apj'; did you mean 'api'?"))
        #expect(outcome.stderr.contains("sitrep.yml:18:15: 'notifications.channels[1].events' names unknown event 'incident_open'; did you mean 'incident_opened'?"))
    }
}
