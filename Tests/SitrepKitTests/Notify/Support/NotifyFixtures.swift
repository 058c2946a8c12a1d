import Foundation
@testable import SitrepKit

/// Events, sites, subscribers and channels for the email and SMS tests.
enum NotifyFixtures {
    static let site = NotificationSite(title: "Example", url: "https://status.example.org",
                                       timeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)
    static let occurred = Date(timeIntervalSince1970: 1_795_176_000)

    static var templatesFolder: URL { SiteFixture.templates }

    static func templates() throws -> NotificationTemplates { try NotificationTemplates(templatesFolder: templatesFolder) }

    /// A fresh idempotency key per test, so each finds its own mail among those the shared receiver got.
    static func key(_ name: String) -> String { "evt-\(name)-\(UUID().uuidString.prefix(8)):mail" }

    static func incidentOpened(title: String = "Datenbank: Verzögerung <b>ü</b> ✓",
                               body: String = "We are **looking** into it. <script>alert(1)</script>\n\n- api slow") -> NotificationEvent {
        NotificationEvent(
            id: "incident-db-1", kind: .incidentOpened, occurredAt: occurred, componentIDs: ["api"],
            subject: .notice(NotificationNotice(
                kind: .incident, id: "db-slow", title: title, status: "investigating", impact: "major",
                updateBody: body, updateAt: occurred, pageURL: "https://status.example.org/incidents/db-slow.html",
                components: [NotificationComponent(id: "api", name: "API", status: .partialOutage)])))
    }

    static func componentDown(_ id: String = "web", name: String = "Website") -> NotificationEvent {
        NotificationEvent(
            id: "status-\(id)-1", kind: .componentStatus, occurredAt: occurred, componentIDs: [id],
            subject: .component(id: id, name: name, from: .operational, to: .majorOutage,
                                pageURL: "https://status.example.org/components/\(id).html"))
    }

    static func subscriber(email: String, position: Int = 1, limits: DeliveryLimits = .init()) -> Subscriber {
        Subscriber(address: .email(email), limits: limits, key: "email-\(StableID.of(email))",
                   label: "subscribers.yml:\(position + 1) (subscriber \(position))")
    }

    static func email(_ url: String, password: String = "s3cret-pass", starttls: Bool = true, caFile: URL?,
                      secrets: [(name: String, value: String)] = []) -> EmailChannelSettings {
        EmailChannelSettings(
            name: "mail", url: url, starttls: starttls, username: "mailer", password: password,
            from: MailAddress(displayName: "Exämple Status", address: "status@example.org"),
            unsubscribeURL: "mailto:unsubscribe@example.org?subject=stop", caFile: caFile,
            redactor: SecretRedactor([(name: "SMTP_PASSWORD", value: password)] + secrets))
    }

    /// The delivery channels of one configured email or SMS entry, as the pipeline makes them.
    static func channels(_ channel: ChannelTransport, limits: DeliveryLimits = .init(), subscribers: [Subscriber],
                         transport: NotificationTransport) throws -> [any NotificationChannel] {
        let config: ChannelConfig = switch channel {
        case .email(let settings): ChannelConfig(name: settings.name, type: .email, limits: limits, transport: channel)
        case .sms(let settings): ChannelConfig(name: settings.name, type: .sms, limits: limits, transport: channel)
        case .http: ChannelConfig(name: "hook", type: .webhook, limits: limits, transport: channel)
        }
        let targets = DeliveryTarget.all(NotificationSettings(channels: [config]), subscribers: subscribers)
        let templates = try templates()
        return targets.map { NotificationChannels.make($0, transport: transport, templates: templates, redactor: SecretRedactor()) }
    }
}
