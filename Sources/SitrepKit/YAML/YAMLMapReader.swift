import Foundation

/// Reads one YAML mapping into typed values, reporting every problem (wrong type, missing required key,
/// unknown key) to a collector with the line and column of the offending node and its dotted key path.
/// Call `finish()` after reading all known keys to report the unknown ones.
public struct YAMLMapReader {
    public let node: YAMLNode
    public let keyPath: String
    public let collector: DiagnosticCollector
    public let lineOffset: Int
    /// The mapping's keys as text, in order; `keyNodes` and `valueNodes` hold each one's nodes at the same index.
    /// Lookups compare the texts and copy only the node asked for.
    public let keys: [String]
    private let keyNodes: [YAMLNode]
    private let valueNodes: [YAMLNode]
    /// The keys asked for, in order, repeats included: a handful per mapping, so a list beats hashing.
    private var consumed: [String] = []

    /// Wraps `node` if it is a mapping; otherwise reports `expected a mapping` and returns nil.
    public init?(_ node: YAMLNode, keyPath: String, collector: DiagnosticCollector, lineOffset: Int = 0) {
        guard case .mapping(let mapping) = node else {
            collector.report("\(keyPath.isEmpty ? "document" : "'\(keyPath)'") must be a mapping of keys to values",
                             at: SourceLocation(line: node.location.line + lineOffset, column: node.location.column))
            return nil
        }
        self.node = node
        self.keyPath = keyPath
        self.collector = collector
        self.lineOffset = lineOffset
        // The mapping's own arrays, shared: making a reader copies nothing.
        (keys, keyNodes, valueNodes) = (mapping.keyTexts, mapping.keys, mapping.values)
        // Room for the keys a decoder asks for (a check asks for about a dozen, most of them absent), in one
        // allocation instead of growing one, two, four, eight, sixteen.
        consumed.reserveCapacity(16)
    }

    /// The location of a node, shifted by the reader's line offset.
    public func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(line: node.location.line + lineOffset, column: node.location.column)
    }

    public var location: SourceLocation { location(of: node) }

    public func path(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }

    public func has(_ key: String) -> Bool { keys.contains(key) }

    public func report(_ message: String, at node: YAMLNode? = nil) {
        collector.report(message, at: location(of: node ?? self.node))
    }

    /// The raw value node of a key (marks it as known).
    public mutating func value(_ key: String, required: Bool = false) -> YAMLNode? {
        consumed.append(key)
        guard let index = keys.firstIndex(of: key) else {
            if required { report("missing required key '\(path(key))'") }
            return nil
        }
        let value = valueNodes[index]
        if case .scalar(let scalar) = value, scalar.style == .plain, Self.isNull(scalar.string) {
            if required { report("'\(path(key))' must not be empty", at: value) }
            return nil
        }
        return value
    }

    /// The location of a key itself (for messages about the key).
    public func keyLocation(_ key: String) -> SourceLocation? {
        keys.firstIndex(of: key).map { location(of: keyNodes[$0]) }
    }

    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node else {
            report("'\(path(key))' must be a text value", at: node)
            return nil
        }
        return scalar.string
    }

    public mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node, let number = Int(scalar.string.replacingOccurrences(of: "_", with: "")) else {
            report("'\(path(key))' must be a whole number", at: node)
            return nil
        }
        if let range, !range.contains(number) {
            report("'\(path(key))' must be between \(range.lowerBound) and \(range.upperBound), not \(number)", at: node)
            return nil
        }
        return number
    }

    public mutating func double(_ key: String, required: Bool = false, range: ClosedRange<Double>? = nil) -> Double? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node, let number = Double(scalar.string) else {
            report("'\(path(key))' must be a number", at: node)
            return nil
        }
        if let range, !range.contains(number) {
            report("'\(path(key))' must be between \(range.lowerBound) and \(range.upperBound), not \(scalar.string)", at: node)
            return nil
        }
        return number
    }

    public mutating func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node else {
            report("'\(path(key))' must be true or false", at: node)
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report("'\(path(key))' must be true or false, not '\(scalar.string)'", at: node)
            return nil
        }
    }

    /// A value from a fixed set (an enum's raw values), reported with the allowed values when wrong.
    public mutating func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false) -> E?
    where E.RawValue == String {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node else {
            report("'\(path(key))' must be one of \(E.allCases.map { $0.rawValue }.joined(separator: ", "))", at: node)
            return nil
        }
        guard let parsed = E(rawValue: scalar.string) else {
            report("'\(path(key))' must be one of \(E.allCases.map { $0.rawValue }.joined(separator: ", ")), not '\(scalar.string)'", at: node)
            return nil
        }
        return parsed
    }

    /// A nested mapping.
    public mutating func map(_ key: String, required: Bool = false) -> YAMLMapReader? {
        guard let node = value(key, required: required) else { return nil }
        return YAMLMapReader(node, keyPath: path(key), collector: collector, lineOffset: lineOffset)
    }

    /// A sequence's items; reports when the value is not a sequence.
    public mutating func list(_ key: String, required: Bool = false) -> [YAMLNode]? {
        guard let node = value(key, required: required) else { return nil }
        guard case .sequence(let sequence) = node else {
            report("'\(path(key))' must be a list", at: node)
            return nil
        }
        return sequence.items
    }

    /// A list of text values; a single scalar is accepted as a one-item list.
    public mutating func stringList(_ key: String, required: Bool = false) -> [String]? {
        guard let node = value(key, required: required) else { return nil }
        switch node {
        case .scalar(let scalar):
            return [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    report("each item of '\(path(key))' must be a text value", at: item)
                    continue
                }
                result.append(scalar.string)
            }
            return result
        default:
            report("'\(path(key))' must be a list", at: node)
            return nil
        }
    }

    /// A plain scalar YAML reads as null.
    private static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    /// Reports every key that no accessor asked for.
    public func finish() {
        // A repeated key never gets here (`YAMLComposer` reports it and leaves it out). A few keys are looked up in
        // the list of those asked for; a large mapping's go through a set.
        let large = keys.count > 32
        let asked: Set<String> = large ? Set(consumed) : []
        for (index, key) in keys.enumerated() {
            if !(large ? asked.contains(key) : consumed.contains(key)) {
                let suggestion = KeySuggestion.didYouMean(key, among: Set(consumed).subtracting(keys))
                collector.report("unknown key '\(path(key))'\(suggestion)", at: location(of: keyNodes[index]))
            }
        }
    }
}

extension YAMLMapReader {
    /// The value node of a key without marking it read (for pointing messages at it).
    public func valueNode(_ key: String) -> YAMLNode? {
        keys.firstIndex(of: key).map { valueNodes[$0] }
    }

    /// The text of a scalar value as written, without marking it read.
    public func rawString(_ key: String) -> String? {
        valueNode(key)?.scalarText
    }
}
