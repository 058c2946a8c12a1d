/// Writes text values into YAML so they read back exactly: plain when that is unambiguous, a `|` block
/// for readable multi-line text, otherwise double-quoted with escapes.
enum YAMLScalarWriter {
    /// The value for `key: <value>` on one line (single-line text only; see `lines(key:value:indent:)`).
    static func inline(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// `key: value` as one or more lines (without line ends), the first at `indent`; multi-line text becomes a
    /// `|` block whose lines are indented two more spaces.
    static func lines(key: String, value text: String, indent: String) -> [String] {
        guard text.contains("\n"), fitsBlock(text) else { return ["\(indent)\(key): \(inline(text))"] }
        let trailingNewlines = text.reversed().prefix { $0 == "\n" }.count
        let chomping = trailingNewlines == 0 ? "-" : trailingNewlines == 1 ? "" : "+"
        let content = text.dropLast(trailingNewlines).split(separator: "\n", omittingEmptySubsequences: false)
        let extra = Array(repeating: "", count: max(trailingNewlines - 1, 0))
        return ["\(indent)\(key): |\(chomping)"] + (content.map(String.init) + extra).map { $0.isEmpty ? "" : "\(indent)  \($0)" }
    }

    /// YAML double-quoted style: backslash, quote and every control or line-breaking character escaped.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{FEFF}" {
                    result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Words YAML (or our reader) would take for something other than text.
    private static let reservedWords: Set<String> = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// Conservative: letters, digits, spaces and harmless punctuation, starting with a letter or digit,
    /// no trailing space, no `: ` or ` #`, not a reserved word.
    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first),
              text.unicodeScalars.last != " ", !reservedWords.contains(text.lowercased())
        else { return false }
        let allowedPunctuation = Set(" .,;()'!?/&+_-".unicodeScalars)
        return text.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.value >= 0x20) || ("0"..."9").contains($0) || allowedPunctuation.contains($0)
        }
    }

    /// A `|` block can carry the text exactly: no control characters but newline and tab, something other
    /// than line breaks, and a first non-empty line that does not start with a space or tab (which would
    /// need an indentation indicator).
    private static func fitsBlock(_ text: String) -> Bool {
        let noControl = text.unicodeScalars.allSatisfy {
            $0 == "\n" || $0 == "\t" || !($0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
                || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}")
        }
        guard noControl, let firstLine = text.split(separator: "\n").first else { return false }
        return !(firstLine.hasPrefix(" ") || firstLine.hasPrefix("\t"))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(width - count, 0)) + self
    }
}
