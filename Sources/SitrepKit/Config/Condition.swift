import Foundation

/// One comparison in a check's `expect` block (`workers: ">= 1"`, a header, the response time), and the status
/// a check gets when it does not hold.
public struct Condition: Sendable {
    public enum Subject: Sendable, Hashable {
        /// A dotted path into the JSON body (`queue.depth`, `items.0.ok`).
        case json(path: String)
        /// A response header, by name (compared case-insensitively).
        case header(name: String)
        /// The total time of the response, in milliseconds.
        case responseTime
    }

    public var subject: Subject
    public var test: ConditionTest
    /// `.down` (the default for JSON paths and headers) or `.degraded` (the default for the response time).
    public var failing: CheckStatus

    public init(subject: Subject, test: ConditionTest, failing: CheckStatus) {
        self.subject = subject
        self.test = test
        self.failing = failing
    }

    /// The subject as people read it in a message: `queue.depth`, `header Retry-After`, `response time`.
    public var subjectText: String {
        switch subject {
        case .json(let path): path
        case .header(let name): "header \(name)"
        case .responseTime: "response time"
        }
    }
}

public enum ComparisonOperator: String, Sendable, CaseIterable {
    case atLeast = ">="
    case atMost = "<="
    case equal = "=="
    case notEqual = "!="
    case greater = ">"
    case less = "<"

    func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .atLeast: lhs >= rhs
        case .atMost: lhs <= rhs
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .greater: lhs > rhs
        case .less: lhs < rhs
        }
    }

    /// Whether it orders values (only numbers can be ordered).
    var orders: Bool { self != .equal && self != .notEqual }
}

/// What a condition asks of its value.
public enum ConditionTest: Sendable {
    /// The value equals this scalar (the plain `path: value` form).
    case equals(JSONScalar)
    /// `>= 1`, `< 1000`, `== ok`, `!= error`: numbers compare as numbers, text only with `==` and `!=`.
    case compare(ComparisonOperator, JSONScalar)
    /// `len > 0`: the number of elements of an array, members of an object or characters of a string.
    case length(ComparisonOperator, Double)
    /// `matches ^2\.`: the value, as text, contains a match of this regular expression (checked to compile
    /// when the config is read).
    case matches(String)
    /// `exists` / `missing`: whether there is a value at all.
    case exists
    case missing

    /// The expectation as written in a message: `>= 1`, `len > 0`, `matches ^ok$`, `"UP"`.
    public var expectedText: String {
        switch self {
        case .equals(let scalar): scalar.description
        case .compare(let op, let operand): "\(op.rawValue) \(operand.description)"
        case .length(let op, let count): "len \(op.rawValue) \(JSONScalar.number(count).description)"
        case .matches(let pattern): "matches \(pattern)"
        case .exists: "exists"
        case .missing: "missing"
        }
    }
}
