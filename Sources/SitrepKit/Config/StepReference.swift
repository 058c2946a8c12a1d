/// `${steps.NAME.CAPTURE}` in a flow step's URL, header values or body: a value captured by an earlier step.
/// Environment expansion leaves these alone (they are neither variables nor secrets); the flow replaces them
/// when the step runs.
public struct StepReference: Sendable, Hashable {
    public var step: String
    public var capture: String

    static let prefix = "steps."

    /// Whether the inside of a `${…}` is a step reference (it starts with `steps.`).
    static func isReference(_ inner: Substring) -> Bool { inner.hasPrefix(prefix) }

    /// Every `${steps.NAME.CAPTURE}` in `text`, in order; a reference without exactly a step and a capture
    /// comes back with an empty `capture`.
    static func all(in text: String) -> [StepReference] {
        // Most texts hold no `$` at all: a character scan answers them without Foundation's `range(of:)`.
        guard text.contains(Character("$")) else { return [] }
        var found: [StepReference] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${" + prefix) {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let parts = rest[open.upperBound..<close].split(separator: ".", omittingEmptySubsequences: false)
            found.append(parts.count == 2 ? StepReference(step: String(parts[0]), capture: String(parts[1]))
                                          : StepReference(step: parts.joined(separator: "."), capture: ""))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// `text` with every reference replaced by `x` (to check that a URL is well formed around them).
    static func substitute(placeholdersIn text: String) -> String {
        guard text.containsUTF8Byte(UInt8(ascii: "$")) else { return text }
        var values: [String: [String: String]] = [:]
        for reference in all(in: text) { values[reference.step, default: [:]][reference.capture] = "x" }
        return substitute(in: text, values: values)
    }

    /// `text` with every reference replaced by its captured value (`values[step][capture]`); a reference
    /// without a value is left as written.
    static func substitute(in text: String, values: [String: [String: String]]) -> String {
        guard text.containsUTF8Byte(UInt8(ascii: "$")), text.contains("${" + prefix) else { return text }
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${" + prefix) {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let parts = rest[open.upperBound..<close].split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, let value = values[String(parts[0])]?[String(parts[1])] {
                output += value
            } else {
                output += rest[open.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}
