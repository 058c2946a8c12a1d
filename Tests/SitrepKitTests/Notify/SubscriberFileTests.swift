import Foundation
import Testing
@testable import SitrepKit

/// The subscribers file: limits per subscriber, and problems that name the line and position, never the person.
@Suite struct SubscriberFileTests {
    typealias F = NotifyFixtures
    static let components: Set<String> = ["api", "web"]

    @Test func readsAddressesNumbersAndLimits() throws {
        let text = """
        subscribers:
          - email: ana@example.org
            components: [api]
            events: [incident_opened, incident_resolved]
          - phone: "+4915112345678"
            id: on-call
          - email: bo@example.org
        """
        let (subscribers, problems) = SubscriberFile.parse(text, path: "subscribers.yml", componentIDs: Self.components)
        #expect(problems.isEmpty, "\(problems)")
        #expect(subscribers.count == 3)
        #expect(subscribers[0].address == .email("ana@example.org"))
        #expect(subscribers[0].label == "subscribers.yml:2 (subscriber 1)")
        #expect(subscribers[1].key == "on-call")
        #expect(!subscribers[0].key.contains("ana"))
        // Limits: ana hears of incidents on the API only.
        #expect(subscribers[0].limits.accepts(F.incidentOpened()))
        #expect(!subscribers[0].limits.accepts(F.componentDown("api", name: "API")))
        #expect(subscribers[2].limits.accepts(F.componentDown()))
    }

    @Test func problemsNameLineAndPositionButNeverTheAddress() {
        let text = """
        subscribers:
          - email: ana@example.org
          - email: "ana at example dot org"
          - phone: "0151 1234"
          - email: cy@example.org
            components: [apii]
          - email: dee@example.org
            phone: "+4915112345678"
          - {}
        """
        let (_, problems) = SubscriberFile.parse(text, path: "subscribers.yml", componentIDs: Self.components)
        let lines = problems.map(\.description)
        #expect(lines.contains { $0.hasPrefix("subscribers.yml:3:") && $0.contains("subscriber 2: 'email' is not a plain email address") })
        #expect(lines.contains { $0.hasPrefix("subscribers.yml:4:") && $0.contains("subscriber 3: 'phone' must be an international number") })
        #expect(lines.contains { $0.hasPrefix("subscribers.yml:6:") && $0.contains("subscriber 4:") && $0.contains("did you mean 'api'") })
        #expect(lines.contains { $0.contains("subscriber 5: a subscriber has 'email' or 'phone', not both") })
        #expect(lines.contains { $0.contains("subscriber 6: each subscriber needs 'email' or 'phone'") })
        for line in lines {
            for secret in ["ana at example", "0151 1234", "cy@example", "dee@example", "+4915112345678"] {
                #expect(!line.contains(secret), "\(line)")
            }
        }
    }

    @Test func sameAddressTwiceIsReported() {
        let text = "subscribers:\n  - email: ana@example.org\n  - email: ANA@example.org\n"
        let (_, problems) = SubscriberFile.parse(text, path: "subscribers.yml", componentIDs: [])
        #expect(problems.map(\.description) == ["subscribers.yml:3:5: subscriber 2: the same address or id as subscriber 1"])
    }

    @Test func channelNamesCarryKeysNotAddresses() async throws {
        let subscribers = [F.subscriber(email: "ana@example.org"),
                           Subscriber(address: .phone("+4915112345678"), limits: .init(), key: "on-call", label: "x")]
        let transport = NotificationTransport()
        var settings = F.email("smtp://127.0.0.1:1", caFile: nil)
        settings.to = ["ops@example.org"]
        let mail = try F.channels(.email(settings), subscribers: subscribers, transport: transport)
        let sms = try F.channels(.sms(SMSChannelSettings(name: "text", accountSID: "AC1", authToken: "t0ken", from: "+1555")),
                                 subscribers: subscribers, transport: transport)
        #expect(mail.count == 2 && sms.count == 1)
        #expect(sms.first?.name == "text/on-call")
        for name in (mail + sms).map(\.name) {
            #expect(!name.contains("@") && !name.contains("+49"), "\(name)")
        }
        await transport.close()
    }

    @Test func channelsApplyTheEntrysAndTheSubscribersLimitsAndAlwaysTakeTests() async throws {
        let transport = NotificationTransport()
        let settings = F.email("smtp://127.0.0.1:1", caFile: nil)
        let subscriber = F.subscriber(email: "ana@example.org", limits: DeliveryLimits(components: ["api"]))
        let channel = try #require(try F.channels(.email(settings), limits: DeliveryLimits(events: [.incidentOpened, .componentStatus]),
                                                  subscribers: [subscriber], transport: transport).first)
        #expect(channel.accepts(F.incidentOpened()))                      // api, a kind the entry takes
        #expect(!channel.accepts(F.componentDown()))                      // web: not the subscriber's
        #expect(channel.accepts(F.componentDown("api", name: "API")))
        var resolved = F.incidentOpened()
        resolved.kind = .incidentResolved
        #expect(!channel.accepts(resolved))                               // a kind the entry does not take
        var test = F.componentDown()
        test.kind = .test
        #expect(channel.accepts(test))
        await transport.close()
    }

    @Test func unreadableFileIsOneSentence() {
        #expect(throws: DiagnosticsError.self) {
            try SubscriberFile.load(from: URL(fileURLWithPath: "/nonexistent/subscribers.yml"), componentIDs: [])
        }
    }
}
