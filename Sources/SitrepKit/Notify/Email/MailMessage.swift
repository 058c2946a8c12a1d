import Foundation

/// One notification email as RFC 5322 + MIME bytes: a `multipart/alternative` with a text/plain and a
/// text/html part (each UTF-8, base64 so no line is too long and no byte is mangled in transit), and the headers
/// a receiver needs: Date, a Message-ID stable across retries, an encoded Subject, `List-Unsubscribe`, and the
/// delivery's idempotency key.
struct MailMessage {
    var from: MailAddress
    var to: MailAddress
    var subject: String
    var text: String
    var html: String
    var date: Date
    var idempotencyKey: String
    /// A `mailto:` or `https:` URL for `List-Unsubscribe`.
    var unsubscribeURL: String

    /// The same for every attempt of one delivery, so a receiver that saw it once drops a retry.
    var messageID: String {
        let safe = idempotencyKey.unicodeScalars.map { scalar -> String in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._".unicodeScalars.contains(scalar))
            return allowed ? String(scalar) : "-"
        }.joined()
        return "<\(safe)@\(from.domain)>"
    }

    var boundary: String { "=_sitrep_\(StableID.of(idempotencyKey))" }

    func bytes() -> Data {
        var head = ""
        head += MailHeaderText.line("Date", MailHeaderText.date(date))
        head += "From: \(MailHeaderText.mailbox(from))\r\n"
        head += "To: \(MailHeaderText.mailbox(to))\r\n"
        head += MailHeaderText.line("Subject", subject)
        head += "Message-ID: \(messageID)\r\n"
        head += "MIME-Version: 1.0\r\n"
        head += "Auto-Submitted: auto-generated\r\n"
        head += "List-Unsubscribe: <\(unsubscribeURL)>\r\n"
        head += MailHeaderText.line("Idempotency-Key", idempotencyKey)
        head += "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n"
        head += "\r\n"
        head += "--\(boundary)\r\n"
        head += part("text/plain", text)
        head += "--\(boundary)\r\n"
        head += part("text/html", html)
        head += "--\(boundary)--\r\n"
        return Data(head.utf8)
    }

    private func part(_ type: String, _ content: String) -> String {
        let body = Data(Self.crlf(content).utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\(body)\r\n"
    }

    /// Every line end as CRLF (templates are written with LF).
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }
}
