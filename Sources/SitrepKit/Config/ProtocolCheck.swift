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
    public var field: String
    public var comparison: ComparisonOperator
    public var value: String

    public init(field: String, comparison: ComparisonOperator, value: String) {
        self.field = field
        self.comparison = comparison
        self.value = value
    }

    /// Reads `"master"`, `"== master"`, `">= 1"` and the like with the parser of `expect` conditions; nil when
    /// the text is empty, orders against something that is not a number, or is another kind of condition.
    public static func parse(field: String, _ text: String) -> InfoFieldExpectation? {
        switch ConditionParser.parse(text) {
        case .test(.compare(let comparison, let operand)):
            return InfoFieldExpectation(field: field, comparison: comparison, value: operand.plainText)
        case .notACondition:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : InfoFieldExpectation(field: field, comparison: .equal, value: trimmed)
        case .test, .invalid:
            return nil
        }
    }

    /// Whether an observed value meets the expectation (numbers compared as numbers when both sides are).
    public func isMet(by observed: String) -> Bool {
        if let left = Double(observed), let right = Double(value) { return comparison.holds(left, right) }
        switch comparison {
        case .equal: return observed == value
        case .notEqual: return observed != value
        default: return false
        }
    }

    public var summary: String { "\(comparison.rawValue) \(value)" }
}

private extension JSONScalar {
    /// The value as INFO writes it: text without quotes.
    var plainText: String {
        if case .string(let text) = self { return text }
        return description
    }
}
