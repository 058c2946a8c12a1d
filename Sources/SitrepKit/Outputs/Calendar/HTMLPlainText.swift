/// The sanitised HTML that `Markdown.html` makes, read back as plain text for places that show no markup
/// (an iCalendar `DESCRIPTION`): paragraphs, headings, list items and rows on lines of their own, a blank line
/// between blocks, `- ` before list items, `[x]`/`[ ]` for task boxes, a link's URL in parentheses after its
/// text (unless the text is the URL), an image's alt text, character references decoded, comments dropped.
enum HTMLPlainText {
    static func text(_ html: String) -> String {
        var reader = Reader(html: Array(html.unicodeScalars))
        return reader.run()
    }

    private struct Reader {
        let html: [Unicode.Scalar]
        var index = 0
        var out = ""
        /// The `href` of each open `<a>`, with how many scalars `out` held when its text began.
        var links: [(href: String, textStart: Int)] = []

        mutating func run() -> String {
            while index < html.count {
                if html[index] == "<" {
                    readTag()
                } else if html[index] == "&" {
                    readReference()
                } else {
                    out.unicodeScalars.append(html[index])
                    index += 1
                }
            }
            return Self.tidy(out)
        }

        /// One tag or comment, from its `<` to its `>`.
        private mutating func readTag() {
            if starts(with: "<!--") {
                index = find("-->").map { $0 + 3 } ?? html.count
                return
            }
            let end = find(">") ?? html.count
            let tag = String(String.UnicodeScalarView(html[(index + 1)..<end]))
            index = min(end + 1, html.count)
            let closing = tag.hasPrefix("/")
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            switch (name, closing) {
            case ("br", _): out += "\n"
            case ("li", false): out += "- "
            case ("input", false): out += tag.contains("checked") ? "[x] " : "[ ] "
            case ("img", false): out += Self.attribute("alt", in: tag) ?? ""
            case ("a", false): links.append((Self.attribute("href", in: tag) ?? "", out.unicodeScalars.count))
            case ("a", true):
                guard let link = links.popLast() else { break }
                let text = String(String.UnicodeScalarView(out.unicodeScalars.dropFirst(link.textStart)))
                if !link.href.isEmpty, text != link.href, "mailto:" + text != link.href { out += " (\(link.href))" }
            case ("td", true), ("th", true): out += " "
            case ("p", true), ("h1", true), ("h2", true), ("h3", true), ("h4", true), ("h5", true), ("h6", true),
                 ("pre", true), ("blockquote", true), ("ul", true), ("ol", true), ("table", true), ("hr", false):
                out += "\n\n"
            case ("li", true), ("tr", true): out += "\n"
            default: break
            }
        }

        /// One character reference; a lone `&` stays as it is.
        private mutating func readReference() {
            guard let end = find(";"), end - index <= 10 else {
                out += "&"
                index += 1
                return
            }
            let name = String(String.UnicodeScalarView(html[(index + 1)..<end]))
            guard let scalar = Self.decode(name) else {
                out += "&"
                index += 1
                return
            }
            out.unicodeScalars.append(scalar)
            index = end + 1
        }

        private func starts(with text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            return index + scalars.count <= html.count && Array(html[index..<(index + scalars.count)]) == scalars
        }

        private func find(_ text: String) -> Int? {
            let scalars = Array(text.unicodeScalars)
            var position = index
            while position + scalars.count <= html.count {
                if Array(html[position..<(position + scalars.count)]) == scalars { return position }
                position += 1
            }
            return nil
        }

        static func decode(_ name: String) -> Unicode.Scalar? {
            switch name {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            default:
                guard name.hasPrefix("#") else { return nil }
                let digits = name.dropFirst()
                let value = digits.first == "x" || digits.first == "X"
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                return value.flatMap(Unicode.Scalar.init)
            }
        }

        /// The decoded value of `name="…"` in a tag's text.
        static func attribute(_ name: String, in tag: String) -> String? {
            guard let start = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            var reader = Reader(html: Array(rest[..<end].unicodeScalars))
            return reader.run()
        }

        /// Trailing spaces cut from every line, at most one blank line in a row, none at either end.
        static func tidy(_ text: String) -> String {
            var lines: [Substring] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var trimmed = line
                while trimmed.last == " " { trimmed = trimmed.dropLast() }
                if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
                lines.append(trimmed)
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n")
        }
    }
}
