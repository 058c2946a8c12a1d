/// One address a channel entry sends to: a fixed `to:` entry of the config or a subscriber. `key` makes the
/// delivery channel's name (`<channel>/<key>`), `label` names it in failure reasons; neither is the address.
struct Recipient: Sendable {
    var address: String
    var key: String
    var label: String
    var limits: DeliveryLimits

    /// The fixed addresses of channel `channel`, then the subscribers whose address `pick` takes.
    static func all(channel: String, fixed: [String], subscribers: [Subscriber],
                    pick: (Subscriber.Address) -> String?) -> [Recipient] {
        var recipients = fixed.enumerated().map { index, address in
            Recipient(address: address, key: "to-\(StableID.of(address.lowercased()))",
                      label: "recipient \(index + 1) of '\(channel)'", limits: DeliveryLimits())
        }
        for subscriber in subscribers {
            guard let address = pick(subscriber.address) else { continue }
            recipients.append(Recipient(address: address, key: subscriber.key, label: subscriber.label, limits: subscriber.limits))
        }
        return recipients
    }
}

/// A channel that sends to one recipient: it takes an event when both the channel entry's limits and the
/// recipient's own do, and names the recipient in failure reasons by its label only.
protocol RecipientChannel: NotificationChannel {
    var recipient: Recipient { get }
    /// The configured entry's `components:` / `events:`.
    var entryLimits: DeliveryLimits { get }
    var redactor: SecretRedactor { get }
}

extension RecipientChannel {
    func accepts(_ event: NotificationEvent) -> Bool {
        entryLimits.accepts(event) && recipient.limits.accepts(event)
    }

    /// A failure reason without secrets and without the address (a server's reply may quote it).
    func scrub(_ text: String) -> String {
        redactor.redact(text).replacingOccurrences(of: recipient.address, with: recipient.label, options: .caseInsensitive)
    }
}
