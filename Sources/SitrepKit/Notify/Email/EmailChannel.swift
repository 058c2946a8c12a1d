import Foundation

/// Email to one recipient (a fixed `to:` address or a subscriber) over SMTP through libcurl. Its name is the
/// channel's name and the recipient's key (`mail/email-1x2y3z`), never the address.
struct EmailChannel: RecipientChannel, PreviewableChannel {
    let name: String
    let settings: EmailChannelSettings
    let recipient: Recipient
    let templates: NotificationTemplates
    let transport: NotificationTransport
    let entryLimits: DeliveryLimits
    var redactor: SecretRedactor { settings.redactor }

    func deliver(_ event: NotificationEvent, site: NotificationSite, idempotencyKey: String,
                 timeout: Duration) async -> DeliveryOutcome {
        let message = NotificationTemplateValues(event: event, site: site, unsubscribeURL: settings.unsubscribeURL)
        let mail = MailMessage(
            from: settings.from, to: MailAddress(displayName: nil, address: recipient.address),
            subject: Self.oneLine(templates.render(NotificationTemplates.emailSubject, message)),
            text: templates.render(NotificationTemplates.emailText, message),
            html: templates.render(NotificationTemplates.emailHTML, message),
            date: Date(), idempotencyKey: idempotencyKey, unsubscribeURL: settings.unsubscribeURL)
        var request = TransferRequest(url: settings.url, timeoutMs: timeout.milliseconds)
        request.mode = .smtp(SMTPEnvelope(
            mailFrom: settings.from.address, recipients: [recipient.address], message: mail.bytes(),
            username: settings.username, password: settings.password, requireTLS: settings.starttls))
        request.insecure = settings.insecure
        if let caFile = settings.caFile, !settings.insecure {
            guard let bundle = transport.trustedCertificates(adding: caFile) else {
                return .failed(reason: "cannot read ca_file \(DisplayPath.of(caFile))")
            }
            request.trustedCertificatesPEM = bundle
        }
        return classify(await transport.perform(request))
    }

    /// `Subject:` and the text part (the HTML part says the same).
    func preview(_ event: NotificationEvent, site: NotificationSite) -> String {
        let message = NotificationTemplateValues(event: event, site: site, unsubscribeURL: settings.unsubscribeURL)
        return "Subject: " + Self.oneLine(templates.render(NotificationTemplates.emailSubject, message)) + "\n\n"
            + templates.render(NotificationTemplates.emailText, message)
    }

    /// A 5xx reply to the envelope or the message is final (no such mailbox, message refused); everything else,
    /// including a refused login (fixable in the config), is tried again on a later run.
    private func classify(_ outcome: TransferOutcome) -> DeliveryOutcome {
        guard let failure = outcome.failure else { return .delivered }
        let code = outcome.httpStatus ?? 0
        let reason = scrub("SMTP \(code > 0 ? "\(code): " : "")\(failure.detail)")
        let loginProblems = [530, 534, 535, 538]
        if (500...599).contains(code), !loginProblems.contains(code) { return .rejected(reason: reason) }
        return .failed(reason: reason)
    }

    /// A subject is one line: the template's line breaks and surrounding blanks go.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension Duration {
    /// Whole milliseconds, at least 1.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
