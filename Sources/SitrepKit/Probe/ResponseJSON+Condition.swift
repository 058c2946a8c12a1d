import Foundation

extension ResponseJSON {
    /// Whether this value (nil: there is none) passes `test`.
    func passes(_ test: ConditionTest) -> Bool {
        switch test {
        case .exists: return true
        case .missing: return false
        case .equals(let scalar): return matches(scalar)
        case .compare(let op, .number(let operand)):
            guard let number = numberValue else { return false }
            return op.holds(number, operand)
        case .compare(let op, let operand):
            return matches(operand) == (op == .equal)
        case .length(let op, let count):
            guard let length else { return false }
            return op.holds(Double(length), count)
        case .matches(let pattern):
            guard let text, let regex = try? NSRegularExpression(pattern: pattern) else { return false }
            return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// A number, or text that reads as one (`"1500"`); nil otherwise.
    var numberValue: Double? {
        switch self {
        case .number(let number): number
        case .string(let text): Double(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// Elements of an array, members of an object, characters of a string; nil for other values.
    var length: Int? {
        switch self {
        case .array(let elements): elements.count
        case .object(let members): members.count
        case .string(let text): text.count
        default: nil
        }
    }

    /// The value as text for a regular expression; nil for arrays and objects.
    var text: String? {
        switch self {
        case .string(let text): text
        case .number(let number): JSONScalar.number(number).description
        case .bool(let flag): String(flag)
        case .null: "null"
        case .array, .object: nil
        }
    }
}

extension Optional where Wrapped == ResponseJSON {
    /// Whether the value passes `test`; a missing value passes only `missing`.
    func passes(_ test: ConditionTest) -> Bool {
        guard let value = self else {
            if case .missing = test { return true }
            return false
        }
        return value.passes(test)
    }
}
