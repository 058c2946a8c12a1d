import Foundation

/// One language file of a theme (`i18n/de.yml`): a mapping of keys to texts, nested mappings joined into dotted
/// keys (`status: {operational: …}` is `status.operational`). Every problem is reported with its line, column
/// and key: a value that is not text, or a text holding `{{` or `}}` (texts are placed into templates).
struct LanguageFile {
    struct Entry {
        var text: String
        var location: SourceLocation
    }

    /// The language's name: the file name without `.yml` (`de`, `pt-br`).
    var language: String
    var path: String
    var entries: [String: Entry]

    /// `i18n/`, below the templates folder and the default theme.
    static let folder = "i18n"
    static let suffix = ".yml"

    /// Reads and checks `url`; nil (with a problem) when the file cannot be read or is not a YAML mapping.
    static func read(_ url: URL, language: String, diagnostics: inout [Diagnostic]) -> LanguageFile? {
        let path = TemplateSet.displayPath(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(Diagnostic(path: path, line: 1, column: 1, message: "cannot read this language file"))
            return nil
        }
        let text: String
        switch UTF8Text.decode(data) {
        case .success(let decoded): text = decoded
        case .failure(let invalid):
            diagnostics.append(Diagnostic(path: path, line: invalid.location.line, column: invalid.location.column, message: invalid.message))
            return nil
        }
        let collector = DiagnosticCollector(path: path)
        defer { diagnostics += collector.diagnostics }
        guard let root = YAMLDocument.parse(text, into: collector) else {
            if collector.isEmpty { collector.report("a language file must be a mapping of keys to texts, not empty", line: 1, column: 1) }
            return nil
        }
        var entries: [String: Entry] = [:]
        guard case .mapping = root else {
            collector.report("a language file must be a mapping of keys to texts", at: root.location)
            return nil
        }
        collect(root, prefix: "", into: &entries, collector: collector)
        return LanguageFile(language: language, path: path, entries: entries)
    }

    private static func collect(_ node: YAMLNode, prefix: String, into entries: inout [String: Entry], collector: DiagnosticCollector) {
        guard case .mapping(let mapping) = node else { return }
        for (keyNode, value) in mapping {
            let name = keyNode.scalarText ?? ""
            let key = prefix.isEmpty ? name : "\(prefix).\(name)"
            let location = keyNode.location
            switch value {
            case .mapping:
                collect(value, prefix: key, into: &entries, collector: collector)
            case .scalar(let scalar):
                if scalar.string.contains("{{") || scalar.string.contains("}}") {
                    collector.report("'\(key)' must not contain '{{' or '}}': placeholders are written {name}", at: location)
                } else {
                    entries[key] = Entry(text: scalar.string, location: location)
                }
            default:
                collector.report("'\(key)' must be a text or a mapping of keys to texts", at: location)
            }
        }
    }

    /// The placeholder names of a text: `{days}` in `Uptime over the past {days} days`.
    static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) {
                names.insert(String(name))
            }
            rest = after[after.index(after: close)...]
        }
        return names
    }
}
