/// The recipients of one configured `email` entry: its fixed `to:` addresses, then every subscriber with an
/// email address.
enum EmailChannels {
    static func recipients(_ settings: EmailChannelSettings, subscribers: [Subscriber]) -> [Recipient] {
        Recipient.all(channel: settings.name, fixed: settings.to, subscribers: subscribers) { address in
            if case .email(let email) = address { email } else { nil }
        }
    }
}
