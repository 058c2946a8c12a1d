/// The lines of a text as ranges of it, without their `\n` (the last line is what follows the final `\n`, often
/// empty), a leading byte-order mark skipped. U+000A is the byte 0x0A, never part of another character, so the
/// lines are those the characters would give. `TextLines` copies them; `FrontMatter` copies only what it keeps.
struct LineRanges {
    private let text: String
    private var position: String.Index?
    /// The byte-order mark the text starts with, or empty.
    let byteOrderMark: String

    init(_ text: String) {
        self.text = text
        let marked = text.unicodeScalars.first == "\u{FEFF}"
        byteOrderMark = marked ? "\u{FEFF}" : ""
        position = marked ? text.unicodeScalars.index(after: text.startIndex) : text.startIndex
    }

    /// The next line, nil after the last one.
    mutating func next() -> Range<String.Index>? {
        guard let start = position else { return nil }
        guard let newline = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else {
            position = nil
            return start..<text.endIndex
        }
        position = text.utf8.index(after: newline)
        return start..<newline
    }

    /// Where the line after `line` starts (just past its `\n`).
    func start(after line: Range<String.Index>) -> String.Index {
        line.upperBound == text.endIndex ? line.upperBound : text.utf8.index(after: line.upperBound)
    }
}
