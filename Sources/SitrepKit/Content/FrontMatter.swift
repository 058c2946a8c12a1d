/// The YAML between a content file's opening `---` line and its closing `---` line, and the Markdown after it.
struct FrontMatter {
    /// The YAML text (the lines between the fences).
    let yaml: String
    /// How many lines come before the YAML (the opening fence): add to YAML line numbers for file line numbers.
    let lineOffset: Int
    /// 0-based index of the closing fence in `TextLines.lines`.
    let closingIndex: Int
    /// The Markdown after the closing fence, without leading blank lines and trailing whitespace.
    let body: String
    /// The file line (1-based) where `body` starts.
    let bodyLine: Int

    /// A content file's problem before any YAML is read.
    struct Problem: Error {
        let message: String
        let line: Int
    }

    static func isFence<Line: StringProtocol>(_ line: Line) -> Bool { TextLines.trimmedEnd(line) == "---" }

    /// The front matter and body of a content file's text (a leading byte-order mark is skipped). The lines are
    /// found as ranges of the text and only the YAML and the body are copied: a file of a thousand lines
    /// costs two strings, not a thousand.
    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var lines = LineRanges(text)
        guard let first = lines.next(), isFence(text[first]) else {
            return .failure(Problem(message: "missing front matter: the file must start with a '---' line, then YAML, then '---'", line: 1))
        }
        var closing = 1
        var yamlEnd = first.upperBound
        var closed = false
        while let line = lines.next() {
            if isFence(text[line]) { closed = true; break }
            yamlEnd = line.upperBound
            closing += 1
        }
        guard closed else {
            return .failure(Problem(message: "front matter is never closed: add a '---' line after the YAML", line: 1))
        }
        let yaml = closing == 1 ? "" : String(text[lines.start(after: first)..<yamlEnd])
        var blankLines = 0
        var body = ""
        while let line = lines.next() {
            if text[line].allSatisfy(\.isWhitespace) { blankLines += 1; continue }
            var rest = text[line.lowerBound...]
            while let last = rest.last, last.isWhitespace { rest.removeLast() }
            body = String(rest)
            break
        }
        return .success(FrontMatter(yaml: yaml, lineOffset: 1, closingIndex: closing, body: body,
                                   bodyLine: closing + 2 + blankLines))
    }
}
