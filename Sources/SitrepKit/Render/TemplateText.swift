import Mustache

/// A string as the templates receive it. Rendering `{{name}}` makes swift-mustache try a value as a template, a
/// custom renderable, a lambda and an optional before it falls back to `String(describing:)`; each try is a
/// dynamic cast, and for a plain `String` every one of them runs. A `TemplateText` answers at the second, with
/// the same text, so the same escaping applies. Transforms (`{{uppercased(name)}}`) work as on a `String`.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var renderText: String { text }

    var description: String { text }

    /// Never a null: an empty text still opens a section, as an empty `String` does.
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        text.transform(name)
    }
}

extension String {
    /// The text without its last character when that is a newline (a partial ends with its file's final
    /// newline). `removeLast` steps back one character; `dropLast()` would count every character first.
    func withoutFinalNewline() -> String {
        var text = self
        if text.utf8.last == UInt8(ascii: "\n") { text.removeLast() }
        return text
    }
}
