/// One person in the subscribers file. Their address is personal data: it goes into the envelope and the
/// message and nowhere else. Everything that names them in summaries, logs and errors uses `label`
/// (`subscribers.yml:12 (subscriber 3)`) or `key`.
public struct Subscriber: Sendable, Hashable {
    public enum Address: Sendable, Hashable {
        case email(String)
        /// E.164, `+` and digits.
        case phone(String)
    }

    public var address: Address
    public var limits: DeliveryLimits
    /// Stable across edits of the file (unlike the position): the subscriber's `id:`, else a digest of the
    /// address. Part of the channel name, so pending deliveries follow the person, not the line.
    public var key: String
    /// Where the subscriber is written, for messages: `subscribers.yml:12 (subscriber 3)`.
    public var label: String
}
