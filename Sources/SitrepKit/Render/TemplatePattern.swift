import Mustache

/// A view whose template may print its own values and nothing else: what `TemplatePattern` fills in.
protocol PatternView: MustacheParent {
    /// Every value the template may print, by the name a template uses (`time.iso` is `iso` of `time`).
    static var patternKeys: [String] { get }
    /// This view's values, in the order of `patternKeys`; each is what the lookup of that name prints.
    var patternValues: [String] { get }
}

/// A partial rendered for many views of one shape (a table row), turned into text with holes: swift-mustache
/// renders it once with a placeholder for every value, and each view's markup is then that text with the
/// view's values put in. A table row costs a dozen appends instead of a swift-mustache lookup per cell.
///
/// It stands in for swift-mustache only where the result is provably the same:
/// - Compiling gives nil when the template asks for anything but the view's own keys (a name of an enclosing
///   view, which a placeholder cannot know), applies a transform, prints a parent value (`{{time}}`), or renders
///   differently with other placeholders (placeholder-like text in the template itself).
/// - A value that escaping would change (`&`, `<`, `>`, quotes) gets no fill (`fill` returns false): whether
///   the template printed it escaped or raw, only swift-mustache knows, so the caller renders that view with it.
/// - Every value is a non-empty-or-empty string that swift-mustache sees as present, so sections on a value
///   open for both the placeholder and the real value.
struct TemplatePattern: Sendable {
    private enum Piece: Sendable, Equatable {
        case text(String)
        case value(Int)
    }

    private let pieces: [Piece]

    /// The pattern of template `name` for views with these keys; nil when the template is missing or the
    /// pattern would not reproduce it.
    static func compile(_ name: String, keys: [String], library: MustacheLibrary) -> TemplatePattern? {
        guard let first = pieces(of: name, keys: keys, numberedFrom: 0, library: library),
              let second = pieces(of: name, keys: keys, numberedFrom: keys.count, library: library)
        else { return nil }
        // Numbered from `keys.count` the second time: a hole that is really text of the template keeps its
        // number, so its index moves and shows up as a difference.
        guard first == second, !first.contains(where: { if case .value(let index) = $0 { index < 0 || index >= keys.count } else { false } })
        else { return nil }
        return TemplatePattern(pieces: first)
    }

    /// Appends the template's output for `values` (in key order). Returns false, appending nothing, when a
    /// value would be changed by escaping.
    func fill(_ values: [String], into output: inout String) -> Bool {
        guard !values.contains(where: HTMLEscaping.changes) else { return false }
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .value(let index): output += values[index]
            }
        }
        return true
    }

    private static let holeStart: Unicode.Scalar = "\u{E000}"
    private static let holeEnd: Unicode.Scalar = "\u{E001}"

    /// Renders the template with placeholders numbered from `offset` and splits the output at them; a hole's
    /// index is its number less `offset`.
    private static func pieces(of name: String, keys: [String], numberedFrom offset: Int, library: MustacheLibrary) -> [Piece]? {
        let log = PlaceholderLog()
        let root = PlaceholderParent(path: "", keys: keys, offset: offset, log: log)
        guard let output = library.render(root, withTemplate: name), log.exact else { return nil }
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        var scalars = output.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == holeStart else {
                text.append(scalar)
                continue
            }
            var digits = 0, number = 0
            while let digit = scalars.first, ("0"..."9").contains(digit) {
                guard digits < 9 else { return nil }
                number = number * 10 + Int(digit.value - 48)
                digits += 1
                scalars.removeFirst()
            }
            guard digits > 0, scalars.popFirst() == holeEnd else { return nil }
            if !text.isEmpty { pieces.append(.text(String(text))) }
            text = String.UnicodeScalarView()
            pieces.append(.value(number - offset))
        }
        if !text.isEmpty { pieces.append(.text(String(text))) }
        return pieces
    }

    static func placeholder(_ number: Int) -> String {
        "\(holeStart)\(number)\(holeEnd)"
    }
}

/// What a placeholder render did that a filled-in pattern could not reproduce.
private final class PlaceholderLog {
    var exact = true
}

/// A view of placeholders: answers each key below `path` with its placeholder, a key's prefix with a nested
/// view, and anything else by noting the render as inexact: the real lookup would go on to the enclosing
/// views, and a nested real view may know names its placeholder does not.
private struct PlaceholderParent: MustacheParent, CustomStringConvertible {
    let path: String
    let keys: [String]
    let offset: Int
    let log: PlaceholderLog

    func child(named name: String) -> Any? {
        let full = path + name
        if let index = keys.firstIndex(of: full) {
            return PlaceholderText(text: TemplatePattern.placeholder(offset + index), isTextProperty: false, log: log)
        }
        if keys.contains(where: { $0.hasPrefix(full + ".") }) {
            return PlaceholderParent(path: full + ".", keys: keys, offset: offset, log: log)
        }
        log.exact = false
        return nil
    }

    /// `{{time}}` prints a whole view: the real one prints its type's description, not a value.
    var description: String {
        log.exact = false
        return ""
    }
}

/// One value's placeholder, standing in for the `TemplateText` the real view answers with (or, one level
/// down, for that value's `text` property).
private struct PlaceholderText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let text: String
    let isTextProperty: Bool
    let log: PlaceholderLog

    var renderText: String { text }
    var isNull: Bool { false }

    /// A transform changes the value in ways a hole cannot.
    func transform(_ name: String) -> Any? {
        log.exact = false
        return nil
    }

    /// Reflection finds one property on a real `TemplateText`, `text`; the string it holds answers nothing.
    func child(named name: String) -> Any? {
        guard name == "text", !isTextProperty else {
            log.exact = false
            return nil
        }
        return PlaceholderText(text: text, isTextProperty: true, log: log)
    }
}
