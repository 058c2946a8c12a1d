/// The delivery channels of one configured `email` entry: one per fixed `to:` address and one per subscriber
/// with an email address, each with its own limits.
public enum EmailChannels {
    public static func make(_ settings: EmailChannelSettings, subscribers: [Subscriber], templates: NotificationTemplates,
                            transport: NotificationTransport) -> [any NotificationChannel] {
        Recipient.all(channel: settings.name, fixed: settings.to, subscribers: subscribers) { address in
            if case .email(let email) = address { email } else { nil }
        }.map { recipient in
            EmailChannel(name: "\(settings.name)/\(recipient.key)", settings: settings, recipient: recipient,
                         templates: templates, transport: transport)
        }
    }
}
