import Foundation

/// An `email` channel from `notifications.channels`: where to send (an `smtp://` or `smtps://` URL), how to log
/// in (secrets from `${VAR}`), who it is from, fixed recipients besides the subscribers, and the
/// `List-Unsubscribe` target.
public struct EmailChannelSettings: Sendable {
    public var name: String
    /// `smtps://host:465` (TLS from the start) or `smtp://host:587` (STARTTLS when `starttls` is on).
    public var url: String
    /// For `smtp://`: refuse to send unless the server upgrades the connection (default on).
    public var starttls: Bool
    public var username: String?
    public var password: String?
    public var from: MailAddress
    /// Addresses from `to:` in the config (team lists); subscribers from the subscribers file come on top.
    public var to: [String]
    /// `mailto:` or `https:`; default `mailto:<from>?subject=unsubscribe`.
    public var unsubscribeURL: String
    /// Trust this PEM file besides the system's roots (a private mail relay).
    public var caFile: URL?
    public var insecure: Bool
    /// Every `${VAR}` value of the config, taken out of failure reasons.
    public var redactor: SecretRedactor

    public init(name: String, url: String, starttls: Bool = true, username: String? = nil, password: String? = nil,
                from: MailAddress, to: [String] = [], unsubscribeURL: String? = nil,
                caFile: URL? = nil, insecure: Bool = false, redactor: SecretRedactor = .init()) {
        self.name = name
        self.url = url
        self.starttls = starttls
        self.username = username
        self.password = password
        self.from = from
        self.to = to
        self.unsubscribeURL = unsubscribeURL ?? "mailto:\(from.address)?subject=unsubscribe"
        self.caFile = caFile
        self.insecure = insecure
        self.redactor = redactor
    }
}
