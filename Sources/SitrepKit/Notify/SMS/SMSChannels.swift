/// The recipients of one configured `sms` entry: its fixed `to:` numbers, then every subscriber with a phone
/// number.
enum SMSChannels {
    static func recipients(_ settings: SMSChannelSettings, subscribers: [Subscriber]) -> [Recipient] {
        Recipient.all(channel: settings.name, fixed: settings.to, subscribers: subscribers) { address in
            if case .phone(let number) = address { number } else { nil }
        }
    }
}
