/// A YAML node as sitrep reads it: every scalar is its text (each reader converts it to the type its key needs),
/// and every node knows where it starts in its file. Aliases are resolved when the tree is composed, so an alias
/// is a copy of its anchored node (arrays inside are shared, not copied).
public enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// How a scalar was written; only a plain one can mean null.
    public enum Style: UInt8, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public struct Scalar: Sendable {
        public let string: String
        public let style: Style
        public let location: SourceLocation
    }

    /// A mapping's entries in the order written; a key repeated in the same mapping is left out
    /// (`YAMLComposer` reports it).
    public struct Mapping: Sendable, RandomAccessCollection {
        /// Each key's text ("" for a key that is not a scalar), its node and its value, at the same index.
        public let keyTexts: [String]
        public let keys: [YAMLNode]
        public let values: [YAMLNode]
        public let location: SourceLocation
        /// Nodes in this mapping, itself included, counting every alias as the nodes it stands for.
        let size: Int

        public var startIndex: Int { 0 }
        public var endIndex: Int { keys.count }
        public subscript(index: Int) -> (key: YAMLNode, value: YAMLNode) { (keys[index], values[index]) }
    }

    public struct Sequence: Sendable, RandomAccessCollection {
        public let items: [YAMLNode]
        public let location: SourceLocation
        /// Nodes in this sequence, itself included, counting every alias as the nodes it stands for.
        let size: Int

        public var startIndex: Int { 0 }
        public var endIndex: Int { items.count }
        public subscript(index: Int) -> YAMLNode { items[index] }
    }

    /// Where this node starts in its file (1-based line and column).
    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let sequence): sequence.location
        }
    }

    /// The text of a scalar node, nil for mappings and sequences.
    public var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// A mapping's value for a key written as `key`; nil for a missing key and for other nodes.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let mapping) = self, let index = mapping.keyTexts.firstIndex(of: key) else { return nil }
        return mapping.values[index]
    }

    /// Nodes in this one, itself included.
    var size: Int {
        switch self {
        case .scalar: 1
        case .mapping(let mapping): mapping.size
        case .sequence(let sequence): sequence.size
        }
    }
}

/// Why a YAML text could not be read, and where.
public struct YAMLSyntaxError: Error, Sendable {
    public let message: String
    public let location: SourceLocation
}
