/// The delivery channels of one configured `sms` entry: one per fixed `to:` number and one per subscriber with
/// a phone number, each with its own limits.
public enum SMSChannels {
    public static func make(_ settings: SMSChannelSettings, subscribers: [Subscriber], templates: NotificationTemplates,
                            transport: NotificationTransport) -> [any NotificationChannel] {
        Recipient.all(channel: settings.name, fixed: settings.to, subscribers: subscribers) { address in
            if case .phone(let number) = address { number } else { nil }
        }.map { recipient in
            SMSChannel(name: "\(settings.name)/\(recipient.key)", settings: settings, recipient: recipient,
                       templates: templates, transport: transport)
        }
    }
}
