import Foundation

/// A place messages go to (a webhook, a chat, a mail server, an SMS gateway). One value per configured channel
/// or subscriber; `deliver` makes one attempt and never blocks longer than `timeout`.
public protocol NotificationChannel: Sendable {
    /// The channel's name as configured (`notifications.channels[].name`): what summaries and `--test` use.
    var name: String { get }
    /// Whether the channel wants this event (its `components:` and `events:` limits).
    func accepts(_ event: NotificationEvent) -> Bool
    /// One delivery attempt. `idempotencyKey` is the same for every attempt of one event on one channel, so a
    /// receiver can drop duplicates (sent as the `Idempotency-Key` header where the transport has headers).
    func deliver(_ event: NotificationEvent, site: NotificationSite, idempotencyKey: String,
                 timeout: Duration) async -> DeliveryOutcome
}

/// What every message may name about the site (never a secret).
public struct NotificationSite: Sendable, Hashable {
    public var title: String
    public var url: String
    public var timeZone: TimeZone

    public init(title: String, url: String, timeZone: TimeZone) {
        self.title = title
        self.url = url
        self.timeZone = timeZone
    }
}

/// The result of one attempt. `failed` is retried with backoff on later runs; `rejected` (a receiver that
/// refuses the message for good, e.g. HTTP 400/404/410 or an SMTP 5xx) is not retried.
public enum DeliveryOutcome: Sendable, Hashable {
    case delivered
    /// A reason for the summary, already free of secrets and personal data.
    case failed(reason: String)
    case rejected(reason: String)
}
