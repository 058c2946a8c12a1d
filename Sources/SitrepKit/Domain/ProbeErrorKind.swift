/// Why a check was not `up`, exactly as SPEC.md names the kinds.
public enum ProbeErrorKind: String, Sendable, Codable, CaseIterable {
    case dns
    case connect
    case tls
    case timeout
    case httpStatus = "http_status"
    case body
    case json
    case tooLarge = "too_large"
    case redirects
    case certificate
    case slow
    case header
    case capture
    case other

    /// `slow` and `certificate` (expiry within the threshold) degrade a check; every other kind takes it down.
    public var resultingStatus: CheckStatus {
        switch self {
        case .slow, .certificate: .degraded
        default: .down
        }
    }
}

/// A classified failure with a human-readable message (which may name hosts and addresses, or a value the
/// server sent, so it is published only for checks marked `public: true`).
public struct ProbeError: Error, Sendable, Hashable, Codable {
    public var kind: ProbeErrorKind
    public var message: String
    /// What may be shown of a failed condition or flow step for any check: the step, path and expectation
    /// written in the config, never an observed value or a target.
    public var summary: String?
    /// The status this failure leaves the check in when it is not the kind's own (a condition with
    /// `on_fail: degraded`).
    public var severity: CheckStatus?

    public init(kind: ProbeErrorKind, message: String, summary: String? = nil, severity: CheckStatus? = nil) {
        self.kind = kind
        self.message = message
        self.summary = summary
        self.severity = severity
    }

    /// The status a check with this failure has.
    public var resultingStatus: CheckStatus { severity ?? kind.resultingStatus }
}
