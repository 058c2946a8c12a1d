import Mustache

/// How `{{name}}` escapes what it prints in every sitrep template: `&`, `<`, `>`, `"` and `'` become
/// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, exactly swift-mustache's own replacements.
///
/// swift-mustache's built-in escaping compares whole grapheme clusters, so a quote followed by a combining mark
/// (`"` + U+0301) is one cluster that matches nothing and passes through unescaped: a component name in
/// `sitrep.yml` could close an attribute and add an event handler. This escaper works on UTF-8 bytes, so every
/// quote and bracket is escaped whatever follows it; a value with nothing to escape (most of them) is returned
/// as it is, without a copy, which also takes a fifth of a large build's work away.
///
/// `TemplateSet` puts `pragma` in front of every template it parses, so the theme, and any template a user
/// writes, escapes this way without saying so.
struct HTMLEscaping: MustacheContentType {
    /// The name the pragma asks swift-mustache for.
    static let name = "SITREP_HTML"

    /// A standalone pragma line: it prints nothing and leaves the parsing of the lines after it unchanged, so
    /// only line numbers in parser errors move (by `pragmaLines`).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
    static let pragmaLines = 1

    /// Makes `name` known to swift-mustache's registry of content types (always the same stateless value, so
    /// registering again changes nothing). Needed before a template with the pragma is parsed.
    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        guard text.containsUTF8Byte(where: needsEscape) else { return text }
        return text.rewritingUTF8(changing: needsEscape) { bytes, index, out in
            let byte = bytes[index]
            index += 1
            if !MarkupEntity.append(byte, apostrophe: "&#39;", to: &out) { out.append(byte) }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
