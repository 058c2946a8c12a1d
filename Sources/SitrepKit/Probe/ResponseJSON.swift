import Foundation

/// A decoded JSON document, keeping booleans and numbers apart (which `JSONSerialization` does not on every platform).
indirect enum ResponseJSON: Sendable, Equatable, Decodable {
    case object([String: ResponseJSON])
    case array([ResponseJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ResponseJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ResponseJSON].self))
        }
    }

    static func parse(_ data: Data) -> ResponseJSON? {
        try? JSONDecoder().decode(ResponseJSON.self, from: data)
    }

    /// The value at a dotted path such as `items.0.ok` (a number indexes an array); nil when there is none.
    func value(atPath path: String) -> ResponseJSON? {
        var current = self
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            switch current {
            case .object(let members):
                guard let next = members[String(segment)] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(segment), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Whether this value equals the scalar from the config. A quoted scalar also matches a number or boolean
    /// written the same way, since YAML authors often quote values.
    func matches(_ expected: JSONScalar) -> Bool {
        switch (self, expected) {
        case (.string(let actual), .string(let wanted)): actual == wanted
        case (.number(let actual), .number(let wanted)): actual == wanted
        case (.bool(let actual), .bool(let wanted)): actual == wanted
        case (.null, .null): true
        case (.number(let actual), .string(let wanted)): Double(wanted) == actual
        case (.bool(let actual), .string(let wanted)): String(actual) == wanted.lowercased()
        default: false
        }
    }

    /// Short rendering for error messages.
    var summary: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string(let text): "\"\(text.count > 60 ? text.prefix(60) + "…" : Substring(text))\""
        case .number(let number): JSONScalar.number(number).description
        case .bool(let flag): String(flag)
        case .null: "null"
        }
    }
}
