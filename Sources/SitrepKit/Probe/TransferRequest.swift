import Foundation

/// What one libcurl transfer should do, described without any libcurl types.
struct TransferRequest: Sendable {
    enum Mode: Sendable {
        /// A full HTTP(S) request and response.
        case http
        /// Resolve and connect, then stop (a `tcp` check).
        case connectOnly
        /// Send one message to an SMTP server (`smtp://` or `smtps://` URL).
        case smtp(SMTPEnvelope)
    }

    var url: String
    var mode: Mode = .http
    var method: String = "GET"
    /// Complete header lines, `Name: value`.
    var headerLines: [String] = []
    var body: Data?
    var followRedirects: Bool = false
    var maxRedirects: Int = 10
    /// Hard deadline for the whole transfer, name lookup included.
    var timeoutMs: Int
    /// nil: no limit. Larger responses are abandoned as soon as the limit is crossed.
    var maxBodyBytes: Int?
    /// PEM bundle that replaces libcurl's default trust store (callers include the system bundle themselves).
    var trustedCertificatesPEM: Data?
    var insecure: Bool = false
    /// Ask libcurl for the peer's certificate chain (needed for the leaf's expiry date).
    var collectCertificateInfo: Bool = false
    /// Response headers to report (of the last response, after redirects).
    var responseHeaderNames: [String] = []
    /// nil: no cookies. Otherwise libcurl's cookie engine runs for this transfer, starting from these cookies
    /// (lines as libcurl lists them), and the outcome carries the cookies it holds at the end.
    var cookies: [String]?
    var userAgent: String = "sitrep-probe/1"
    /// The URL schemes libcurl may use.
    var protocols: String = "http,https"
    /// Upgrade to TLS inside the protocol (STARTTLS) and fail when the server cannot.
    var requireStartTLS: Bool = false
    /// Offer ALPN in a TLS handshake (off for `tls` checks, whose service need not speak HTTP).
    var offerALPN: Bool = true
    /// With `.connectOnly`: what to say once connected (a protocol check's exchange).
    var exchange: ProtocolExchange?
}
