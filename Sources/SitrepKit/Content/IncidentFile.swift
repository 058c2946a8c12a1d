import Foundation

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
        let id = Slug.unique(ContentTime.day(at, timeZone: timeZone) + "-" + Slug.make(from: title), avoiding: existingIDs)
        let componentList = components.map(YAMLScalarWriter.inline).joined(separator: ", ")
        let text = UpdateListEditor.newFile(frontMatter: [
            "title: \(YAMLScalarWriter.inline(title))",
            "impact: \(impact.rawValue)    # none | minor | major | critical",
            "components: [\(componentList)]    # ids from sitrep.yml, or a map such as {api: major_outage}",
            "# root_cause: what caused it, once known",
            "updates:    # newest first; `sitrep incident update` adds new ones at the top",
        ], firstStatus: IncidentStatus.investigating.rawValue, message: message, at: at, timeZone: timeZone,
           bodyHint: "optional Markdown with details, a timeline or a postmortem")
        return ("\(id).md", text)
    }

    /// The text with a new newest update at the top of its `updates:` list. Every existing line is kept
    /// byte for byte (comments, key order, formatting, line ends, the body); the new item copies the list's
    /// indentation. A `resolved` update closes the incident; any later update reopens it.
    /// Throws when the message is empty, the file has no front matter or no block `updates:` list, or `at` is
    /// older than the current newest update.
    public static func addingUpdate(
        to text: String, status: IncidentStatus, message: String, eta: Date? = nil, at: Date, timeZone: TimeZone = .gmt
    ) throws(ContentFileEditError) -> String {
        try UpdateListEditor.addingUpdate(to: text, status: status.rawValue, message: message, eta: eta, at: at,
                                          timeZone: timeZone, addsMissingList: false)
    }
}

/// Why `IncidentFile` or `MaintenanceFile` could not edit a file; `message` is one readable sentence.
public struct ContentFileEditError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
