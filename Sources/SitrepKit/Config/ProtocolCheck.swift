import Foundation

/// A check that connects to `host:port` and holds a short exchange in the protocol of `exchange`.
public struct ProtocolCheck: Sendable {
    public var host: String
    public var port: Int
    public var exchange: ProtocolExchange

    public init(host: String, port: Int, exchange: ProtocolExchange) {
        self.host = host
        self.port = port
        self.exchange = exchange
    }

    public var type: CheckType {
        switch exchange {
        case .tcp: .tcp
        case .postgres: .postgres
        case .redis: .redis
        case .amqp: .amqp
        case .smtp: .smtp
        case .tls: .tls
        }
    }
}

/// What is said once connected, and what counts as the right answer.
public enum ProtocolExchange: Sendable {
    /// `tcp` with `send` and/or `expect`: the bytes sent first, and what the first reply must hold.
    case tcp(send: Data?, expect: ReplyExpectation?)
    /// A StartupMessage; an authentication request or an ErrorResponse proves a PostgreSQL server.
    case postgres(user: String, database: String)
    /// `AUTH` (when a password is set), `PING`, and `INFO` when fields are expected.
    case redis(RedisExchange)
    /// The AMQP 0-9-1 protocol header; up on the server's Connection.Start.
    case amqp
    /// The 220 greeting and EHLO, with STARTTLS when asked for.
    case smtp(starttls: Bool, tls: TLSOptions)
    /// A TLS handshake, the certificate verified for `host`.
    case tls(TLSOptions)
}

public struct RedisExchange: Sendable {
    public var username: String?
    public var password: String?
    public var info: [InfoFieldExpectation]

    public init(username: String? = nil, password: String? = nil, info: [InfoFieldExpectation] = []) {
        self.username = username
        self.password = password
        self.info = info
    }
}

/// Trust and expiry settings of a check that does a TLS handshake.
public struct TLSOptions: Sendable {
    public var caFile: URL?
    public var insecure: Bool
    public var certMinDays: Int?

    public init(caFile: URL? = nil, insecure: Bool = false, certMinDays: Int? = nil) {
        self.caFile = caFile
        self.insecure = insecure
        self.certMinDays = certMinDays
    }
}

/// What the first reply of a `tcp` exchange must hold.
public enum ReplyExpectation: Sendable {
    /// These bytes, anywhere in the reply.
    case contains(Data)
    /// A regular expression matched against the reply read as UTF-8.
    case regex(String)
}

/// One `expect` entry of a `redis` check: an `INFO` field compared with a value.
public struct InfoFieldExpectation: Sendable, Hashable {
    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case atLeast = ">="
        case atMost = "<="
        case greater = ">"
        case less = "<"
    }

    public var field: String
    public var comparison: Comparison
    public var value: String

    public init(field: String, comparison: Comparison, value: String) {
        self.field = field
        self.comparison = comparison
        self.value = value
    }

    /// Reads `"master"`, `"== master"`, `">= 1"` and the like; nil when an ordering comparison has no number.
    public static func parse(field: String, _ text: String) -> InfoFieldExpectation? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Two-character operators first, so ">=" is not read as ">".
        let ordered = Comparison.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        for comparison in ordered where trimmed.hasPrefix(comparison.rawValue) {
            let value = trimmed.dropFirst(comparison.rawValue.count).trimmingCharacters(in: .whitespaces)
            let isOrdering = comparison != .equal && comparison != .notEqual
            if value.isEmpty || (isOrdering && Double(value) == nil) { return nil }
            return InfoFieldExpectation(field: field, comparison: comparison, value: value)
        }
        return trimmed.isEmpty ? nil : InfoFieldExpectation(field: field, comparison: .equal, value: trimmed)
    }

    /// Whether an observed value meets the expectation (numbers compared as numbers when both sides are).
    public func isMet(by observed: String) -> Bool {
        if let left = Double(observed), let right = Double(value) {
            switch comparison {
            case .equal: return left == right
            case .notEqual: return left != right
            case .atLeast: return left >= right
            case .atMost: return left <= right
            case .greater: return left > right
            case .less: return left < right
            }
        }
        switch comparison {
        case .equal: return observed == value
        case .notEqual: return observed != value
        default: return false
        }
    }

    public var summary: String { "\(comparison.rawValue) \(value)" }
}
