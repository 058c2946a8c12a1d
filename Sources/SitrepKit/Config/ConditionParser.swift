import Foundation

/// Reads the text of a condition (`>= 1`, `len > 0`, `matches ^v2\.`, `exists`, `missing`).
enum ConditionParser {
    enum Outcome {
        /// The text is a condition.
        case test(ConditionTest)
        /// The text is not written as a condition: it is a value to be equal to.
        case notACondition
        /// The text is a condition with this problem (a sentence fragment naming what is wrong).
        case invalid(String)
    }

    static func parse(_ raw: String) -> Outcome {
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch text {
        case "exists": return .test(.exists)
        case "missing": return .test(.missing)
        default: break
        }
        if let pattern = text.removingWord("matches") {
            guard !pattern.isEmpty else { return .invalid("needs a regular expression after 'matches'") }
            guard (try? NSRegularExpression(pattern: pattern)) != nil else {
                return .invalid("has a regular expression that does not compile: \(pattern)")
            }
            return .test(.matches(pattern))
        }
        if let rest = text.removingWord("len") {
            guard let (op, operand) = splitOperator(rest) else {
                return .invalid("needs a comparison after 'len', such as 'len > 0'")
            }
            guard let count = Double(operand), count.isFinite else {
                return .invalid("compares a length with '\(operand)', which is not a number")
            }
            return .test(.length(op, count))
        }
        guard let (op, operand) = splitOperator(text) else { return .notACondition }
        guard !operand.isEmpty else { return .invalid("needs a value after '\(op.rawValue)'") }
        let value = scalar(operand)
        if op.orders, case .string = value {
            return .invalid("orders with '\(op.rawValue)' against '\(operand)', which is not a number (only == and != compare text)")
        }
        return .test(.compare(op, value))
    }

    private static func splitOperator(_ text: String) -> (ComparisonOperator, String)? {
        // Two-character operators first, so ">=" is not read as ">" followed by "=1".
        let ordered = ComparisonOperator.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        for op in ordered where text.hasPrefix(op.rawValue) {
            return (op, String(text.dropFirst(op.rawValue.count)).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// A number, `true`/`false`/`null`, or text (surrounding quotes removed).
    private static func scalar(_ text: String) -> JSONScalar {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        if let number = Double(text), number.isFinite, text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
            return .number(number)
        }
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return .string(String(text.dropFirst().dropLast()))
        }
        return .string(text)
    }
}

private extension String {
    /// The rest of the text after a leading word and the spaces after it; nil when it does not start with the word.
    func removingWord(_ word: String) -> String? {
        guard hasPrefix(word) else { return nil }
        let rest = dropFirst(word.count)
        guard let next = rest.first, next == " " else { return rest.isEmpty ? "" : nil }
        return rest.trimmingCharacters(in: .whitespaces)
    }
}
