import Foundation
import Yams

/// The text behind `sitrep incident new` and `sitrep incident update`: pure functions from and to a file's
/// text, so the command line only reads and writes files.
public enum IncidentFile {
    public static let defaultMessage = "We are investigating this issue."

    /// A new incident: `YYYY-MM-DD-slug.md` (the date of `at` in `timeZone`, the slug from the title, with
    /// `-2`, `-3`… appended while the id is in `existingIDs`) and its text: front matter with one
    /// `investigating` update at `at`, and a comment saying where the Markdown body goes.
    public static func new(
        title: String, impact: Impact, components: [String], at: Date, timeZone: TimeZone,
        message: String = defaultMessage, existingIDs: Set<String> = []
    ) -> (fileName: String, text: String) {
        let base = ContentTime.day(at, timeZone: timeZone) + "-" + Slug.make(from: title)
        var id = base
        var counter = 2
        while existingIDs.contains(id) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        let componentList = components.map(YAMLScalarWriter.inline).joined(separator: ", ")
        var lines = [
            "---",
            "title: \(YAMLScalarWriter.inline(title))",
            "impact: \(impact.rawValue)    # none | minor | major | critical",
            "components: [\(componentList)]    # ids from sitrep.yml, or a map such as {api: major_outage}",
            "# root_cause: what caused it, once known",
            "updates:    # newest first; `sitrep incident update` adds new ones at the top",
        ]
        lines += updateLines(status: IncidentStatus.investigating.rawValue, message: message, eta: nil, at: at, timeZone: timeZone,
                             itemIndent: "  ", keyIndent: "    ")
        lines += [
            "# Below the closing '---': optional Markdown with details, a timeline or a postmortem.",
            "---",
            "",
        ]
        return ("\(id).md", lines.joined(separator: "\n"))
    }

    /// The text with a new newest update at the top of its `updates:` list. Every existing line is kept
    /// byte for byte (comments, key order, formatting, line ends, the body); the new item copies the list's
    /// indentation. A `resolved` update closes the incident; any later update reopens it.
    /// Throws when the message is empty, the file has no front matter or no block `updates:` list, or `at` is
    /// older than the current newest update.
    public static func addingUpdate(
        to text: String, status: IncidentStatus, message: String, eta: Date? = nil, at: Date, timeZone: TimeZone = .gmt
    ) throws(IncidentFileError) -> String {
        guard !message.allSatisfy(\.isWhitespace) else { throw IncidentFileError(message: "the update's message must not be empty") }
        var lines = TextLines(text)
        let frontMatter: FrontMatter
        switch FrontMatter.split(lines) {
        case .success(let split): frontMatter = split
        case .failure(let problem): throw IncidentFileError(message: problem.message)
        }
        let updatesIndex = try findUpdatesKey(in: lines, before: frontMatter.closingIndex)
        let (itemIndent, keyIndent) = listIndentation(in: lines, after: updatesIndex, before: frontMatter.closingIndex)
        let newLines = updateLines(status: status.rawValue, message: message, eta: eta, at: at, timeZone: timeZone,
                                   itemIndent: itemIndent, keyIndent: keyIndent)
        let lineEnd = lines.carriageReturn
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

    /// The index of the top-level `updates:` line (its value must be a block list on the following lines).
    private static func findUpdatesKey(in lines: TextLines, before closing: Int) throws(IncidentFileError) -> Int {
        for index in 1..<closing {
            let line = TextLines.trimmedEnd(lines.lines[index])
            guard line.hasPrefix("updates:") else { continue }
            let rest = line.dropFirst("updates:".count).drop { $0 == " " || $0 == "\t" }
            guard rest.isEmpty || rest.hasPrefix("#") else {
                throw IncidentFileError(message: "line \(index + 1): 'updates:' is written on one line; write it as a list with one '- at:' item per update")
            }
            return index
        }
        throw IncidentFileError(message: "the front matter has no 'updates:' list")
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
    private static func verify(_ text: String, newest: Date, timeZone: TimeZone) throws(IncidentFileError) {
        let collector = DiagnosticCollector(path: "")
        guard case .success(let frontMatter) = FrontMatter.split(TextLines(text)),
              let root = YAMLDocument.parse(frontMatter.yaml, into: collector, lineOffset: frontMatter.lineOffset),
              case .sequence(let updates)? = root["updates"],
              let first = updates.first?["at"]?.scalarText,
              ContentTime.parse(first, timeZone: timeZone) == ContentTime.parse(ContentTime.format(newest, timeZone: timeZone), timeZone: timeZone)
        else {
            let reason = collector.diagnostics.first.map { ": \($0.message) at line \($0.line)" } ?? ""
            throw IncidentFileError(message: "could not add the update without breaking the file's YAML\(reason)")
        }
        if updates.count > 1, let previousText = updates[1]["at"]?.scalarText,
           let previous = ContentTime.parse(previousText, timeZone: timeZone), previous > newest {
            throw IncidentFileError(message: "the newest update is at \(previousText), later than the new update's time")
        }
    }
}

/// Why `IncidentFile.addingUpdate` could not edit a file; `message` is one readable sentence.
public struct IncidentFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
