import Foundation

/// The language's words in a template: each `{{t.KEY}}` is replaced, when the theme is loaded, by the text of
/// `KEY` (`UIStrings`), HTML-escaped, each `{name}` in it becoming the template's own `{{name}}`. The words of a
/// build never change, so pages render them as fixed text: no lookup, and page shapes stay alike.
enum TemplateTexts {
    static let opening = "{{t."

    /// `text` with every `{{t.KEY}}` replaced; a key the language files lack is reported at its line and column.
    /// `escaping` writes a text for a file that is published as it is (a theme asset): escaped by it, with no
    /// `{name}` filled in; without it the text is HTML-escaped for a template, its `{name}`s becoming `{{name}}`.
    static func fill(_ text: String, strings: UIStrings, path: String, diagnostics: inout [Diagnostic],
                     escaping: ((String) -> String)? = nil) -> String {
        guard text.contains(opening) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: opening) {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                result += rest[open.lowerBound...]
                rest = ""
                break
            }
            let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if strings.has(key) {
                result += escaping.map { $0(strings[key]) } ?? withPlaceholders(strings[key])
            } else {
                let location = Self.location(of: open.lowerBound, in: text)
                diagnostics.append(Diagnostic(path: path, line: location.line, column: location.column,
                                              message: "unknown text 't.\(key)': no key '\(key)' in i18n/en.yml"
                                                + KeySuggestion.didYouMean(key, among: strings.keys)))
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The escaped text, each `{name}` turned into `{{name}}`.
    private static func withPlaceholders(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            result += HTMLEscaping.escape(String(rest[..<open]))
            if LanguageFile.placeholders(in: "{\(name)}").isEmpty {
                result += HTMLEscaping.escape(String(rest[open...close]))
            } else {
                result += "{{\(name)}}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + HTMLEscaping.escape(String(rest))
    }

    /// The 1-based line and column of `index` in `text`.
    private static func location(of index: String.Index, in text: String) -> SourceLocation {
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        return SourceLocation(line: line, column: column)
    }
}
