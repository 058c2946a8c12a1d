import Foundation

/// A channel that POSTs one JSON document per event: the generic webhook (Statuspage payloads, signed when it
/// has a secret), Slack, Discord or Microsoft Teams. One attempt is one transfer on the shared curl multi
/// handle, with a hard deadline; every answer is read as delivered, failed (retried) or rejected (not retried).
struct HTTPChannel: PreviewableChannel {
    enum Format: Sendable { case statuspage, slack, discord, teams }

    let config: ChannelConfig
    let settings: HTTPChannelSettings
    let format: Format
    let transport: NotificationTransport
    let redactor: SecretRedactor

    var name: String { config.name }

    func accepts(_ event: NotificationEvent) -> Bool { config.accepts(event) }

    func body(_ event: NotificationEvent, site: NotificationSite) -> Data {
        switch format {
        case .statuspage: StatuspageWebhookPayload.body(event, site: site)
        case .slack: SlackPayload.body(NotificationMessage(event, site: site))
        case .discord: DiscordPayload.body(NotificationMessage(event, site: site))
        case .teams: TeamsPayload.body(NotificationMessage(event, site: site))
        }
    }

    func preview(_ event: NotificationEvent, site: NotificationSite) -> String {
        String(decoding: body(event, site: site), as: UTF8.self)
    }

    func deliver(_ event: NotificationEvent, site: NotificationSite, idempotencyKey: String,
                 timeout: Duration) async -> DeliveryOutcome {
        let payload = body(event, site: site)
        var headers = [
            "Content-Type: application/json",
            "Idempotency-Key: \(idempotencyKey)",
            "X-Sitrep-Event: \(event.kind.rawValue)",
        ]
        if let secret = settings.secret, !secret.isEmpty {
            headers.append("\(WebhookSignature.headerName): \(WebhookSignature.headerValue(body: payload, secret: secret))")
        }
        let milliseconds = timeout.milliseconds
        let request = TransferRequest(
            url: settings.url, mode: .http, method: "POST", headerLines: headers, body: payload,
            followRedirects: false, timeoutMs: max(1, milliseconds), maxBodyBytes: 65_536,
            userAgent: "sitrep-notify/1")
        let outcome = await transport.perform(request)
        return Self.outcome(of: outcome, timeoutMs: milliseconds, redactor: redactor)
    }

    /// 2xx delivered; 408, 429, 5xx and transport failures retried; any other status rejected. Reasons never
    /// quote the URL (a chat webhook's URL is its secret) nor the receiver's body.
    static func outcome(of transfer: TransferOutcome, timeoutMs: Int, redactor: SecretRedactor) -> DeliveryOutcome {
        if let failure = transfer.failure {
            let reason: String = switch failure.reason {
            case .timedOut: "no answer within \(timeoutMs) ms"
            case .nameResolution: "the host name could not be resolved"
            case .connectionRefusedOrUnreachable: "the connection was refused or the host is unreachable"
            case .connectionLost, .emptyReply: "the connection closed before an answer"
            case .tls: "the TLS handshake or certificate check failed"
            case .tooManyRedirects, .bodyTooLarge, .unexpectedReply, .other: "the request failed"
            }
            return .failed(reason: redactor.redact(reason))
        }
        let status = transfer.httpStatus ?? 0
        switch status {
        case 200..<300: return .delivered
        case 408, 429, 500..<600: return .failed(reason: "HTTP \(status)")
        default: return .rejected(reason: "HTTP \(status)")
        }
    }
}
