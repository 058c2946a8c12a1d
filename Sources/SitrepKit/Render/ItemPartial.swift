import Mustache

/// A partial rendered once per item of a long list (a row of the response-time table) and placed in the page as
/// finished markup (`{{{rowsMarkup}}}`). Items are filled into the partial's `TemplatePattern` when it has one,
/// and rendered by swift-mustache when it has none or an item has a value that escaping would change: the
/// markup is the same either way, the pattern is only faster.
struct ItemPartial<View: PatternView>: Sendable {
    let name: String
    private let library: MustacheLibrary
    private let pattern: TemplatePattern?

    init(_ name: String, library: MustacheLibrary) {
        self.name = name
        self.library = library
        pattern = TemplatePattern.compile(name, keys: View.patternKeys, library: library)
    }

    /// Whether items are filled into a pattern rather than rendered one by one (for tests and benchmarks).
    var usesPattern: Bool { pattern != nil }

    /// Every item's markup, one after the other, without the partial file's final newline after the last:
    /// the page puts the list on a line of its own. Empty when the partial is missing (the renderer checks
    /// for it before rendering any page).
    func render(_ items: [View]) -> String {
        var markup = ""
        for item in items {
            if let pattern, pattern.fill(item.patternValues, into: &markup) { continue }
            markup += library.render(item, withTemplate: name) ?? ""
        }
        return markup.withoutFinalNewline()
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
