import Foundation

/// What an SMTP transfer sends besides the URL: the envelope, the login and the finished message.
struct SMTPEnvelope: Sendable {
    /// `MAIL FROM` address (bare, without angle brackets).
    var mailFrom: String
    /// `RCPT TO` addresses (bare).
    var recipients: [String]
    /// The whole RFC 5322 message, CRLF line ends, uploaded after `DATA`.
    var message: Data
    var username: String?
    var password: String?
    /// For `smtp://`: insist on STARTTLS (the transfer fails when the server does not offer it) rather than
    /// sending the login and the message in the clear.
    var requireTLS: Bool
}
