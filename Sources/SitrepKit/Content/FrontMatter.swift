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

    static func isFence(_ line: String) -> Bool { TextLines.trimmedEnd(line) == "---" }

    static func split(_ lines: TextLines) -> Result<FrontMatter, Problem> {
        guard let first = lines.lines.first, isFence(first) else {
            return .failure(Problem(message: "missing front matter: the file must start with a '---' line, then YAML, then '---'", line: 1))
        }
        guard let closing = lines.lines.indices.dropFirst().first(where: { isFence(lines.lines[$0]) }) else {
            return .failure(Problem(message: "front matter is never closed: add a '---' line after the YAML", line: 1))
        }
        let yaml = lines.lines[1..<closing].joined(separator: "\n")
        let afterFence = lines.lines[(closing + 1)...]
        let rest = afterFence.drop { $0.allSatisfy(\.isWhitespace) }
        var body = rest.joined(separator: "\n")
        while let last = body.last, last.isWhitespace { body.removeLast() }
        return .success(FrontMatter(yaml: yaml, lineOffset: 1, closingIndex: closing, body: body,
                                   bodyLine: closing + 2 + (afterFence.count - rest.count)))
    }
}
