import Foundation

/// The tags of a template's text, read the way swift-mustache reads them: `{{=<% %>=}}` changes the
/// delimiters until the end of the enclosing section (a section, inverted section, block or parent tag
/// restores the delimiters it started with when it closes), and a tag may span lines.
/// Used to check what the parser does not: which partials a template includes, and how deep it nests.
struct TemplateTag {
    /// The tag's text between its delimiters, sigil included (`> partials/bar`, `#items`).
    let content: String
    /// 1-based line and column of the opening delimiter.
    let line: Int
    let column: Int
    /// How many sections, blocks and parent tags are open here (counting the one this tag opens).
    var depth: Int

    /// A `{{> name}}` or `{{< name}}` tag: the name (with a leading `*` when it is dynamic), else nil.
    var partialName: String? {
        guard let sigil = content.first, sigil == ">" || sigil == "<" else { return nil }
        let name = content.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    static func scan(_ text: String) -> [TemplateTag] {
        let characters = Array(text)
        var open = Array("{{"), close = Array("}}")
        var enclosing: [(open: [Character], close: [Character])] = []
        var tags: [TemplateTag] = []
        var line = 1, lineStart = 0, index = 0
        func matches(_ delimiter: [Character], at position: Int) -> Bool {
            position + delimiter.count <= characters.count && characters[position..<position + delimiter.count].elementsEqual(delimiter)
        }
        while index < characters.count {
            guard matches(open, at: index) else {
                if characters[index].isNewline { line += 1; lineStart = index + 1 }
                index += 1
                continue
            }
            let contentStart = index + open.count
            guard let contentEnd = (contentStart..<characters.count).first(where: { matches(close, at: $0) }) else { break }
            let content = String(characters[contentStart..<contentEnd])
            tags.append(TemplateTag(content: content, line: line, column: index - lineStart + 1, depth: enclosing.count))
            for position in index..<contentEnd where characters[position].isNewline {
                line += 1
                lineStart = position + 1
            }
            index = contentEnd + close.count
            switch content.first {
            case "#", "^", "$", "<":
                enclosing.append((open, close))
                tags[tags.count - 1].depth += 1
            case "/":
                if let outer = enclosing.popLast() { (open, close) = outer }
            case "=":
                let parts = content.dropFirst().split(whereSeparator: \.isWhitespace)
                if parts.count == 2, parts[1].hasSuffix("="), parts[1].count > 1 {
                    (open, close) = (Array(parts[0]), Array(parts[1].dropLast()))
                }
            default:
                break
            }
        }
        return tags
    }
}
