import Foundation

/// Turns configured channels into channels that send: the one switch on a channel's transport (the email and
/// SMS channels add their cases here).
enum NotificationChannels {
    static func make(_ config: ChannelConfig, engine: NotificationEngine, redactor: SecretRedactor) -> any NotificationChannel {
        switch config.transport {
        case .http(let settings):
            let format: HTTPChannel.Format = switch config.type {
            case .slack: .slack
            case .discord: .discord
            case .teams: .teams
            case .webhook, .email, .sms: .statuspage
            }
            return HTTPChannel(config: config, settings: settings, format: format, engine: engine, redactor: redactor)
        }
    }

    /// The key every attempt of one event on one channel carries (`Idempotency-Key`).
    static func idempotencyKey(eventID: String, channel: String) -> String {
        WebhookSignature.digest(["sitrep-notification", eventID, channel])
    }
}
