/// Builds the node tree of a one-document YAML text from libyaml's events, without recursion (libyaml allows
/// 1,000 levels of nesting, more than a thread's stack would take frames for).
///
/// A key repeated within one mapping is noted with both places and its entry left out, so the rest of the file
/// is still read. Aliases are copies of their anchored node, and may stand for at most `aliasedNodeLimit` nodes in
/// all: a few lines of nested aliases ("billion laughs") would otherwise make every reader that walks the tree
/// walk billions of nodes.
enum YAMLComposer {
    struct Document {
        /// Nil for a text without a document (empty, or only comments).
        let root: YAMLNode?
        let duplicateKeys: [DuplicateKey]
    }

    struct DuplicateKey: Equatable {
        let key: String
        let location: SourceLocation
        let firstLocation: SourceLocation
    }

    static let aliasedNodeLimit = 1_000_000

    static func compose(_ text: String) throws(YAMLSyntaxError) -> Document {
        let parser = LibYAMLParser(text)
        var state = State()
        while true {
            switch try parser.next() {
            case .streamStart, .documentEnd:
                continue
            case .documentStart(let at):
                if state.documentRead {
                    throw YAMLSyntaxError(message: "expected a single document in the stream but found another document", location: at)
                }
            case .streamEnd:
                return Document(root: state.root, duplicateKeys: state.duplicateKeys)
            case .scalar(let string, let style, let anchor, let at):
                let node = YAMLNode.scalar(.init(string: string, style: style, location: at))
                state.register(node, as: anchor)
                state.add(node)
            case .alias(let anchor, let at):
                guard let node = state.anchors[anchor] else {
                    throw YAMLSyntaxError(message: "found undefined alias", location: at)
                }
                state.aliasedNodes += node.size
                guard state.aliasedNodes <= aliasedNodeLimit else {
                    throw YAMLSyntaxError(message: "aliases stand for more than \(aliasedNodeLimit) nodes in all", location: at)
                }
                state.add(node)
            case .sequenceStart(let anchor, let at):
                state.open.append(OpenCollection(isMapping: false, anchor: anchor, location: at))
            case .mappingStart(let anchor, let at):
                state.open.append(OpenCollection(isMapping: true, anchor: anchor, location: at))
            case .sequenceEnd, .mappingEnd:
                guard let collection = state.open.popLast() else { continue }
                let node = collection.node
                state.register(node, as: collection.anchor)
                state.add(node)
            }
        }
    }

    private struct State {
        var root: YAMLNode?
        var documentRead = false
        var open: [OpenCollection] = []
        var anchors: [String: YAMLNode] = [:]
        var aliasedNodes = 0
        var duplicateKeys: [DuplicateKey] = []

        mutating func register(_ node: YAMLNode, as anchor: String?) {
            if let anchor { anchors[anchor] = node }
        }

        /// Puts a finished node into the collection open around it, or makes it the document's root.
        mutating func add(_ node: YAMLNode) {
            guard !open.isEmpty else {
                root = node
                documentRead = true
                return
            }
            if let duplicate = open[open.count - 1].add(node) {
                duplicateKeys.append(duplicate)
            }
        }
    }

    /// A sequence or mapping whose end has not come yet.
    private struct OpenCollection {
        let isMapping: Bool
        let anchor: String?
        let location: SourceLocation
        var items: [YAMLNode] = []
        var keyTexts: [String] = []
        var keys: [YAMLNode] = []
        /// The key read, waiting for its value.
        var pendingKey: YAMLNode?
        /// The pending key repeats an earlier one: its value is dropped.
        var pendingIsRepeat = false
        /// Where each key text first came, once a mapping has more keys than a linear search should go through.
        var firstIndex: [String: Int]?
        var size = 1

        init(isMapping: Bool, anchor: String?, location: SourceLocation) {
            self.isMapping = isMapping
            self.anchor = anchor
            self.location = location
            // Room for a few entries at once, instead of growing from one to two to four.
            items.reserveCapacity(4)
            if isMapping {
                keyTexts.reserveCapacity(4)
                keys.reserveCapacity(4)
            }
        }

        /// Adds an item, a key or a value; a repeated key when this node is one.
        mutating func add(_ node: YAMLNode) -> DuplicateKey? {
            guard isMapping else {
                items.append(node)
                size += node.size
                return nil
            }
            guard let key = pendingKey else {
                pendingKey = node
                pendingIsRepeat = false
                guard let text = node.scalarText, let first = index(of: text) else { return nil }
                pendingIsRepeat = true
                return DuplicateKey(key: text, location: node.location, firstLocation: keys[first].location)
            }
            pendingKey = nil
            if !pendingIsRepeat {
                let text = key.scalarText
                keyTexts.append(text ?? "")
                keys.append(key)
                items.append(node)
                size += key.size + node.size
                if let text { noteKey(text, at: keys.count - 1) }
            }
            return nil
        }

        private func index(of text: String) -> Int? {
            if let firstIndex { return firstIndex[text] }
            for index in keyTexts.indices where keyTexts[index] == text && keys[index].scalarText != nil {
                return index
            }
            return nil
        }

        private mutating func noteKey(_ text: String, at index: Int) {
            if firstIndex != nil {
                firstIndex?[text] = index
            } else if keys.count > 16 {
                var table: [String: Int] = [:]
                for (index, key) in keys.enumerated() {
                    if let text = key.scalarText, table[text] == nil { table[text] = index }
                }
                firstIndex = table
            }
        }

        var node: YAMLNode {
            isMapping
                ? .mapping(.init(keyTexts: keyTexts, keys: keys, values: items, location: location, size: size))
                : .sequence(.init(items: items, location: location, size: size))
        }
    }
}
