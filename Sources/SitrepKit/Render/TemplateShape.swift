import Mustache

/// A page template's output for every view of one shape, as text with holes: what swift-mustache printed for a
/// twin of a view whose printable values were placeholders (`ShapeRecorder`), with the tree of everything the
/// template looked up and found (`ShapeNode`). Another view has the same shape when every lookup in the tree
/// finds the same kind of answer: nothing where there was nothing, the same booleans, views of the same types,
/// lists of the same lengths, and values that are empty and end in a newline where the recorded ones did.
/// swift-mustache then takes the same path through the template for it, and its output is this text with the
/// view's values in the holes (escaped where the template escaped them).
///
/// A page is rendered with a shape only where that holds by construction: the recording refuses transforms,
/// a value's `text`, printing a whole view or list, and values of other kinds; and `PageShapes` compares the
/// first fill with swift-mustache's own render before using a shape.
struct TemplateShape {
    private enum Piece {
        case text(String)
        case hole(Int, escaped: Bool)
    }

    private let root: ShapeNode
    private let holes: Int
    private let pieces: [Piece]

    /// The shape of `view` under template `name`; nil when the template is missing or does something a shape
    /// cannot reproduce.
    static func record(_ view: any MustacheParent, template name: String, library: MustacheLibrary) -> TemplateShape? {
        let recorder = ShapeRecorder()
        let root = ShapeNode(.view(ObjectIdentifier(type(of: view)), children: []))
        let twin = RecordingView(real: view, node: root, recorder: recorder)
        guard let output = library.render(twin, withTemplate: name), recorder.exact,
              let pieces = pieces(of: output, holes: recorder.holes, nonce: recorder.nonce)
        else { return nil }
        return TemplateShape(root: root, holes: recorder.holes, pieces: pieces)
    }

    /// The template's output for `view`, or nil when `view` has another shape.
    func fill(_ view: any MustacheParent) -> String? {
        var output = ""
        return fill(view, appendingTo: &output) ? output : nil
    }

    /// Appends the template's output for `view` to `output`; false, and nothing appended, when `view` has
    /// another shape.
    func fill(_ view: any MustacheParent, appendingTo output: inout String) -> Bool {
        var values = [String](repeating: "", count: holes)
        let matches = if let page = view as? any PageView {
            Self.collect(.view(page), node: root, into: &values)
        } else {
            Self.collect(view, node: root, into: &values)
        }
        guard matches else { return false }
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .hole(let hole, let escaped): output += escaped ? HTMLEscaping.escape(values[hole]) : values[hole]
            }
        }
        return true
    }

    /// `collect` for a typed answer, without casting it: the same verdict the answer's `mustacheValue` gets
    /// (a recording classifies every answer as `ShapeRecorder.answer` does, so text is always a leaf there).
    private static func collect(_ value: ViewValue, node: ShapeNode, into values: inout [String]) -> Bool {
        switch (value, node.kind) {
        case (.none, .absent):
            return true
        case (.bool(let bool), .bool(let recorded)):
            return bool == recorded
        case (.text(let text), .leaf(let hole, let isEmpty, let endsWithNewline)):
            guard text.isEmpty == isEmpty, (text.utf8.last == UInt8(ascii: "\n")) == endsWithNewline else { return false }
            values[hole] = text
            return true
        case (.view(let view), .view(let type, let children)):
            guard ObjectIdentifier(Swift.type(of: view)) == type else { return false }
            for (name, child) in children where !collect(view.value(named: name), node: child, into: &values) {
                return false
            }
            return true
        case (.views(let list), .list(let nodes)):
            guard list.count == nodes.count else { return false }
            for (index, child) in nodes.enumerated() where !collect(.view(list.view(at: index)), node: child, into: &values) {
                return false
            }
            return true
        case (.other(let value), _):
            return collect(value, node: node, into: &values)
        default:
            return false
        }
    }

    /// Walks `node` along with `value`, checking that each answer has the recorded kind and putting printable
    /// values in their holes.
    private static func collect(_ value: Any?, node: ShapeNode, into values: inout [String]) -> Bool {
        switch node.kind {
        case .absent:
            return value == nil
        case .bool(let bool):
            return (value as? Bool) == bool
        case .leaf(let hole, let isEmpty, let endsWithNewline):
            guard let value, let text = ShapeNode.printedText(of: value), text.isEmpty == isEmpty,
                  (text.utf8.last == UInt8(ascii: "\n")) == endsWithNewline
            else { return false }
            values[hole] = text
            return true
        case .view(let type, let children):
            guard let view = value as? any MustacheParent, ObjectIdentifier(Swift.type(of: view)) == type else { return false }
            for (name, child) in children where !collect(view.child(named: name), node: child, into: &values) {
                return false
            }
            return true
        case .list(let nodes):
            guard let list = value as? [Any], list.count == nodes.count else { return false }
            for (element, child) in zip(list, nodes) where !collect(element, node: child, into: &values) {
                return false
            }
            return true
        }
    }

    /// Splits the recorded output at its placeholders; nil when one is malformed or not of this recording (the
    /// template itself contains placeholder-like text). Works on the UTF-8 bytes: a large page has hundreds of
    /// kilobytes.
    private static func pieces(of output: String, holes: Int, nonce: UInt64) -> [Piece]? {
        // U+E000 in UTF-8, and the two endings of a placeholder: raw, and escaped by the template.
        let start: [UInt8] = [0xEE, 0x80, 0x80]
        let rawEnd = Array(":\(nonce)&\u{E001}".utf8), escapedEnd = Array(":\(nonce)&amp;\u{E001}".utf8)
        let bytes = Array(output.utf8)
        var pieces: [Piece] = []
        var textStart = 0, index = 0
        while index < bytes.count {
            guard bytes[index] == start[0], bytes[index...].starts(with: start) else {
                index += 1
                continue
            }
            if textStart < index { pieces.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self))) }
            index += start.count
            var digits = 0, hole = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                guard digits < 9 else { return nil }
                hole = hole * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            let escaped: Bool
            if bytes[index...].starts(with: escapedEnd) {
                escaped = true
                index += escapedEnd.count
            } else if bytes[index...].starts(with: rawEnd) {
                escaped = false
                index += rawEnd.count
            } else {
                return nil
            }
            guard digits > 0, hole < holes else { return nil }
            pieces.append(.hole(hole, escaped: escaped))
            textStart = index
        }
        if textStart < bytes.count { pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        return pieces
    }
}
