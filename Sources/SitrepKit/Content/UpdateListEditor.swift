import Foundation

/// Adds an update on top of the `updates:` list of an incident or maintenance file's front matter, editing the
/// text line by line so that everything else stays as written (`IncidentFile`, `MaintenanceFile`).
enum UpdateListEditor {
    /// A new file's text: the front matter's lines (ending with `updates:`), one first update at `at`, a comment
    /// saying what goes below the closing `---` (`bodyHint`), and the closing `---`.
    static func newFile(frontMatter: [String], firstStatus: String, message: String, at: Date, timeZone: TimeZone,
                        bodyHint: String) -> String {
        let update = updateLines(status: firstStatus, message: message, eta: nil, at: at, timeZone: timeZone,
                                 itemIndent: "  ", keyIndent: "    ")
        return (["---"] + frontMatter + update + ["# Below the closing '---': \(bodyHint).", "---", ""]).joined(separator: "\n")
    }

    /// The text with a new newest update at the top of its `updates:` list. Every existing line is kept
    /// byte for byte (comments, key order, formatting, line ends, the body); the new item copies the list's
    /// indentation. Without a top-level `updates:` key, `addsMissingList` adds one at the end of the front
    /// matter; otherwise that is an error, as are an empty message, a file without front matter, an
    /// `updates:` written on one line, and an `at` older than the current newest update.
    static func addingUpdate(
        to text: String, status: String, message: String, eta: Date?, at: Date, timeZone: TimeZone, addsMissingList: Bool
    ) throws(ContentFileEditError) -> String {
        guard !message.allSatisfy(\.isWhitespace) else { throw ContentFileEditError(message: "the update's message must not be empty") }
        var lines = TextLines(text)
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): frontMatter = split
        case .failure(let problem): throw ContentFileEditError(message: problem.message)
        }
        let lineEnd = lines.carriageReturn
        var closing = frontMatter.closingIndex
        let updatesIndex: Int
        if let found = try findUpdatesKey(in: lines, before: closing) {
            updatesIndex = found
        } else if addsMissingList {
            lines.lines.insert("updates:    # newest first" + lineEnd, at: closing)
            updatesIndex = closing
            closing += 1
        } else {
            throw ContentFileEditError(message: "the front matter has no 'updates:' list")
        }
        let (itemIndent, keyIndent) = listIndentation(in: lines, after: updatesIndex, before: closing)
        let newLines = updateLines(status: status, message: message, eta: eta, at: at, timeZone: timeZone,
                                   itemIndent: itemIndent, keyIndent: keyIndent)
        lines.lines.insert(contentsOf: newLines.map { $0.isEmpty ? $0 : $0 + lineEnd }, at: updatesIndex + 1)
        let result = lines.joined()
        try verify(result, newest: at, timeZone: timeZone)
        return result
    }

    /// The lines of one update item.
    private static func updateLines(
        status: String, message: String, eta: Date?, at: Date, timeZone: TimeZone, itemIndent: String, keyIndent: String
    ) -> [String] {
        let dash = itemIndent + "-" + String(repeating: " ", count: max(keyIndent.count - itemIndent.count - 1, 1))
        var lines = ["\(dash)at: \(ContentTime.format(at, timeZone: timeZone))", "\(keyIndent)status: \(status)"]
        if let eta { lines.append("\(keyIndent)eta: \(ContentTime.format(eta, timeZone: timeZone))") }
        return lines + YAMLScalarWriter.lines(key: "message", value: message, indent: keyIndent)
    }

    /// The index of the top-level `updates:` line (its value must be a block list on the following lines), nil
    /// when there is none.
    private static func findUpdatesKey(in lines: TextLines, before closing: Int) throws(ContentFileEditError) -> Int? {
        for index in 1..<closing {
            let line = TextLines.trimmedEnd(lines.lines[index])
            guard line.hasPrefix("updates:") else { continue }
            let rest = line.dropFirst("updates:".count).drop { $0 == " " || $0 == "\t" }
            guard rest.isEmpty || rest.hasPrefix("#") else {
                throw ContentFileEditError(message: "line \(index + 1): 'updates:' is written on one line; write it as a list with one '- at:' item per update")
            }
            return index
        }
        return nil
    }

    /// The indentation of the list's items (`itemIndent`) and of the keys inside an item (`keyIndent`),
    /// from its first item; two and four spaces for an empty list.
    private static func listIndentation(in lines: TextLines, after updatesIndex: Int, before closing: Int) -> (String, String) {
        for line in lines.lines[(updatesIndex + 1)..<closing] {
            let trimmed = TextLines.trimmedEnd(line)
            let content = trimmed.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            guard content.hasPrefix("-") else { break }
            let itemIndent = String(trimmed.prefix(trimmed.count - content.count))
            let afterDash = content.dropFirst()
            let spaces = afterDash.prefix { $0 == " " }.count
            let keyIndent = afterDash.count > spaces && spaces > 0
                ? itemIndent + " " + String(repeating: " ", count: spaces)
                : itemIndent + "  "
            return (itemIndent, keyIndent)
        }
        return ("  ", "    ")
    }

    /// Re-reads the edited front matter: it must be YAML whose first update is the new one, not older than
    /// the one after it.
    private static func verify(_ text: String, newest: Date, timeZone: TimeZone) throws(ContentFileEditError) {
        let collector = DiagnosticCollector(path: "")
        guard case .success(let frontMatter) = FrontMatter.split(text),
              let root = YAMLDocument.parse(frontMatter.yaml, into: collector, lineOffset: frontMatter.lineOffset),
              case .sequence(let updates)? = root["updates"],
              let first = updates.first?["at"]?.scalarText,
              ContentTime.parse(first, timeZone: timeZone) == ContentTime.parse(ContentTime.format(newest, timeZone: timeZone), timeZone: timeZone)
        else {
            let reason = collector.diagnostics.first.map { ": \($0.message) at line \($0.line)" } ?? ""
            throw ContentFileEditError(message: "could not add the update without breaking the file's YAML\(reason)")
        }
        if updates.count > 1, let previousText = updates[1]["at"]?.scalarText,
           let previous = ContentTime.parse(previousText, timeZone: timeZone), previous > newest {
            throw ContentFileEditError(message: "the newest update is at \(previousText), later than the new update's time")
        }
    }
}
