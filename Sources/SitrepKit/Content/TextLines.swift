/// A text split at every `\n` with nothing lost: a `\r` before the `\n` stays at the end of its line, so
/// `joined()` gives back the very same bytes. Front matter is found and edited on these lines.
struct TextLines {
    /// The lines without their `\n` (the last one is what follows the final `\n`, often empty).
    var lines: [String]
    /// A leading byte-order mark, kept aside so the first line compares cleanly.
    let byteOrderMark: String

    init(_ text: String) {
        var ranges = LineRanges(text)
        byteOrderMark = ranges.byteOrderMark
        var lines: [String] = []
        while let line = ranges.next() { lines.append(String(text[line])) }
        self.lines = lines
    }

    func joined() -> String { byteOrderMark + lines.joined(separator: "\n") }

    /// `\r` when the file ends its lines with CRLF (judged by the first line), else empty.
    var carriageReturn: String { lines.first?.hasSuffix("\r") == true ? "\r" : "" }

    /// A line without trailing spaces, tabs or `\r`, for comparing with fences and keys.
    static func trimmedEnd<Line: StringProtocol>(_ line: Line) -> Substring {
        var line = Substring(line)
        while let last = line.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            line = line.dropLast()
        }
        return line
    }
}
