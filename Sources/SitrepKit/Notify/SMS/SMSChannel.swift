import Foundation

/// A text message to one number through the gateway: one form POST per delivery, with the idempotency key as
/// the `Idempotency-Key` header. 2xx is delivered; 400, 404 and 410 (a number the gateway refuses for good) are
/// final; anything else (401 after a token change, 429, 5xx, no answer) is tried again on a later run.
struct SMSChannel: RecipientChannel, PreviewableChannel {
    /// Twilio's limit for one message body; longer texts are cut with an ellipsis.
    static let maxBodyCharacters = 1600

    let name: String
    let settings: SMSChannelSettings
    let recipient: Recipient
    let templates: NotificationTemplates
    let transport: NotificationTransport
    let entryLimits: DeliveryLimits
    var redactor: SecretRedactor { settings.redactor }

    func deliver(_ event: NotificationEvent, site: NotificationSite, idempotencyKey: String,
                 timeout: Duration) async -> DeliveryOutcome {
        var request = TransferRequest(url: settings.url, timeoutMs: timeout.milliseconds)
        request.method = "POST"
        request.body = Data(FormEncoding.encode([
            ("To", recipient.address), ("From", settings.from), ("Body", preview(event, site: site)),
        ]).utf8)
        let credentials = Data("\(settings.accountSID):\(settings.authToken)".utf8).base64EncodedString()
        request.headerLines = [
            "Content-Type: application/x-www-form-urlencoded",
            "Authorization: Basic \(credentials)",
            "Idempotency-Key: \(MailHeaderText.encode(idempotencyKey))",
        ]
        request.maxBodyBytes = 64 * 1024
        let outcome = await transport.perform(request)
        if let failure = outcome.failure { return .failed(reason: scrub("SMS gateway: \(failure.detail)")) }
        let status = outcome.httpStatus ?? 0
        if (200...299).contains(status) { return .delivered }
        let reason = "SMS gateway answered HTTP \(status)"
        return [400, 404, 410].contains(status) ? .rejected(reason: reason) : .failed(reason: reason)
    }

    /// The text as sent.
    func preview(_ event: NotificationEvent, site: NotificationSite) -> String {
        Self.body(templates.render(NotificationTemplates.sms, NotificationTemplateValues(event: event, site: site, unsubscribeURL: "")))
    }

    /// The template's text on one line of words, at most `maxBodyCharacters`.
    static func body(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > maxBodyCharacters else { return flat }
        return String(flat.prefix(maxBodyCharacters - 1)) + "…"
    }
}
