import Foundation

/// Whom one outbox delivery is for: a webhook or chat channel as configured, or one recipient of an `email` or
/// `sms` channel (a fixed `to:` entry or a subscriber), named `<channel>/<key>`, never by the address. The
/// subscribers file is read when events are enqueued, so a delivery row exists per recipient at that moment.
struct DeliveryTarget: Sendable {
    var name: String
    var config: ChannelConfig
    /// nil for webhook and chat channels.
    var recipient: Recipient?

    /// The channel's limits, and the recipient's own.
    func accepts(_ event: NotificationEvent) -> Bool {
        config.accepts(event) && (recipient?.limits.accepts(event) ?? true)
    }

    /// Every target of `settings`, in config order.
    static func all(_ settings: NotificationSettings, subscribers: [Subscriber]) -> [DeliveryTarget] {
        settings.channels.flatMap { config -> [DeliveryTarget] in
            let recipients: [Recipient]
            switch config.transport {
            case .http: return [DeliveryTarget(name: config.name, config: config, recipient: nil)]
            case .email(let email): recipients = EmailChannels.recipients(email, subscribers: subscribers)
            case .sms(let sms): recipients = SMSChannels.recipients(sms, subscribers: subscribers)
            }
            return recipients.map { DeliveryTarget(name: "\(config.name)/\($0.key)", config: config, recipient: $0) }
        }
    }

    /// The targets of `config`'s notifications, with the subscribers file read when an `email` or `sms` channel
    /// can use it. Throws the file's problems (by line and position, never an address).
    static func load(_ config: SiteConfig) throws(DiagnosticsError) -> [DeliveryTarget] {
        let settings = config.notifications
        var subscribers: [Subscriber] = []
        let sendsMessages = settings.channels.contains { if case .http = $0.transport { false } else { true } }
        if let file = settings.subscribersFile, sendsMessages {
            subscribers = try SubscriberFile.load(from: file, componentIDs: Set(config.components.map(\.id)))
        }
        return all(settings, subscribers: subscribers)
    }
}
