import Foundation

/// Turns delivery targets into channels that send: the one switch on a channel's transport.
enum NotificationChannels {
    /// Templates are needed only by `email` and `sms` targets (nil when there are none).
    static func make(_ target: DeliveryTarget, transport: NotificationTransport, templates: NotificationTemplates?,
                     redactor: SecretRedactor) -> any NotificationChannel {
        let config = target.config
        switch (config.transport, target.recipient, templates) {
        case (.email(let settings), let recipient?, let templates?):
            return EmailChannel(name: target.name, settings: settings, recipient: recipient, templates: templates,
                                transport: transport, entryLimits: config.limits)
        case (.sms(let settings), let recipient?, let templates?):
            return SMSChannel(name: target.name, settings: settings, recipient: recipient, templates: templates,
                              transport: transport, entryLimits: config.limits)
        case (.http(let settings), _, _):
            let format: HTTPChannel.Format = switch config.type {
            case .slack: .slack
            case .discord: .discord
            case .teams: .teams
            case .webhook, .email, .sms: .statuspage
            }
            return HTTPChannel(config: config, settings: settings, format: format, transport: transport, redactor: redactor)
        case (.email, _, _), (.sms, _, _):
            return UnsendableChannel(name: target.name)
        }
    }

    /// The channels of every target, with the message templates read from the theme when a target needs them.
    static func make(_ targets: [DeliveryTarget], config: SiteConfig,
                     transport: NotificationTransport) throws(DiagnosticsError) -> [any NotificationChannel] {
        let needsTemplates = targets.contains { $0.recipient != nil }
        let templates = needsTemplates ? try NotificationTemplates(theme: config.paths.theme) : nil
        return targets.map { make($0, transport: transport, templates: templates, redactor: config.secrets) }
    }

    /// The key every attempt of one event on one channel carries (`Idempotency-Key`).
    static func idempotencyKey(eventID: String, channel: String) -> String {
        WebhookSignature.digest(["sitrep-notification", eventID, channel])
    }
}

/// An email or SMS target without its recipient (cannot be built by `DeliveryTarget`): every attempt fails.
private struct UnsendableChannel: NotificationChannel {
    let name: String
    func accepts(_ event: NotificationEvent) -> Bool { false }
    func deliver(_ event: NotificationEvent, site: NotificationSite, idempotencyKey: String,
                 timeout: Duration) async -> DeliveryOutcome {
        .rejected(reason: "no recipient")
    }
}
