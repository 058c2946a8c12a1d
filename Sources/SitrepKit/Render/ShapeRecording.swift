import Mustache

/// What a page view looked like to a template, as far as the template looked: recorded by rendering the
/// template for a twin of the view (`RecordingView`) that answers every lookup as the view does, except that
/// each printable value is a numbered placeholder. A node is one answer; `TemplateShape` keeps the tree.
final class ShapeNode {
    enum Kind {
        /// The lookup found nothing here (so swift-mustache went on to the enclosing views).
        case absent
        case bool(Bool)
        /// A printable value (text or number): the hole it fills, and the two facts about its text that change
        /// how swift-mustache lays out its neighbours (an empty value adds no indentation after a newline; a
        /// value ending in a newline makes an indented partial indent what follows).
        case leaf(hole: Int, isEmpty: Bool, endsWithNewline: Bool)
        /// A view: its type, and the names the template asked it for, in the order it asked.
        case view(ObjectIdentifier, children: [(name: String, node: ShapeNode)])
        case list([ShapeNode])
    }

    var kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }
}

/// The placeholders of one recording: hole numbers, and whether the render stayed reproducible.
final class ShapeRecorder {
    /// In every placeholder of this recording, so that text of the template can never pass for one.
    let nonce = UInt64.random(in: 1...UInt64.max)
    var holes = 0
    /// False once the template did something a filled-in shape could not reproduce: a transform, asking a value
    /// for its `text`, printing a whole view or list, or meeting a value of a kind the shape does not know.
    var exact = true

    /// The answer for `value`, recorded in a new node.
    func answer(for value: Any?) -> (ShapeNode, Any?) {
        guard let value else { return (ShapeNode(.absent), nil) }
        if let bool = value as? Bool { return (ShapeNode(.bool(bool)), bool) }
        if let text = ShapeNode.printedText(of: value) {
            let hole = holes
            holes += 1
            let node = ShapeNode(.leaf(hole: hole, isEmpty: text.isEmpty, endsWithNewline: text.utf8.last == UInt8(ascii: "\n")))
            return (node, PlaceholderLeaf(text: ShapeNode.placeholder(hole, nonce: nonce), recorder: self))
        }
        if let list = value as? [Any] {
            var nodes: [ShapeNode] = []
            var twins: [Any] = []
            for element in list {
                let (node, twin) = answer(for: element)
                nodes.append(node)
                twins.append(twin as Any)
            }
            return (ShapeNode(.list(nodes)), TwinList(elements: twins, recorder: self))
        }
        if let view = value as? any MustacheParent {
            let node = ShapeNode(.view(ObjectIdentifier(type(of: view)), children: []))
            return (node, RecordingView(real: view, node: node, recorder: self))
        }
        exact = false
        return (ShapeNode(.absent), nil)
    }
}

extension ShapeNode {
    /// The text swift-mustache prints for a value the shape treats as printable; nil for anything else.
    static func printedText(of value: Any) -> String? {
        switch value {
        case let text as TemplateText: text.text
        case let text as String: text
        case let number as Int: String(number)
        case let number as Double: String(describing: number)
        default: nil
        }
    }

    /// `hole` as the recording prints it: `\u{E000}HOLE:NONCE&\u{E001}`, where the `&` shows whether
    /// swift-mustache escaped the value there (`&amp;`).
    static func placeholder(_ hole: Int, nonce: UInt64) -> String {
        "\u{E000}\(hole):\(nonce)&\u{E001}"
    }
}

/// A twin of a view: every answer of the real view, recorded, with printable values replaced by placeholders.
/// Printing the view itself (`{{.}}` on a view) prints a description, which a shape cannot reproduce.
struct RecordingView: MustacheParent, CustomStringConvertible {
    let real: any MustacheParent
    let node: ShapeNode
    let recorder: ShapeRecorder

    func child(named name: String) -> Any? {
        guard case .view(let type, var children) = node.kind else { return nil }
        if let known = children.first(where: { $0.name == name }) {
            return twin(of: known.node, real: real.child(named: name))
        }
        let (child, answer) = recorder.answer(for: real.child(named: name))
        children.append((name, child))
        node.kind = .view(type, children: children)
        return answer
    }

    var description: String {
        recorder.exact = false
        return ""
    }

    /// The same answer again for a name asked before (the same hole for a printable value).
    private func twin(of node: ShapeNode, real: Any?) -> Any? {
        switch node.kind {
        case .absent: return nil
        case .bool(let bool): return bool
        case .leaf(let hole, _, _): return PlaceholderLeaf(text: ShapeNode.placeholder(hole, nonce: recorder.nonce), recorder: recorder)
        case .view:
            guard let view = real as? any MustacheParent else { return nil }
            return RecordingView(real: view, node: node, recorder: recorder)
        case .list(let nodes):
            let elements = real as? [Any] ?? []
            return TwinList(elements: zip(nodes, elements).map { twin(of: $0, real: $1) as Any }, recorder: recorder)
        }
    }
}

/// A printable value's placeholder. Printing it is all a shape can reproduce: a transform ends the recording's
/// exactness.
struct PlaceholderLeaf: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let text: String
    let recorder: ShapeRecorder

    var renderText: String { text }
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        recorder.exact = false
        return nil
    }

    /// As a section's context, the real value answers no name but `text` (a `TemplateText`'s one property,
    /// through reflection), so a lookup goes on to the enclosing views; `text` itself is not reproduced.
    func child(named name: String) -> Any? {
        if name == "text" { recorder.exact = false }
        return nil
    }
}

/// A list of twins. Sections iterate it as swift-mustache iterates an array; a transform (`sorted`, `first`)
/// or printing the list ends the recording's exactness, since the result depends on the values.
struct TwinList: MustacheSequence, MustacheTransformable, CustomStringConvertible {
    let elements: [Any]
    let recorder: ShapeRecorder

    /// Printing a whole list prints descriptions of its elements.
    var description: String {
        recorder.exact = false
        return ""
    }

    func makeIterator() -> IndexingIterator<[Any]> {
        elements.makeIterator()
    }

    func transform(_ name: String) -> Any? {
        recorder.exact = false
        return nil
    }
}
