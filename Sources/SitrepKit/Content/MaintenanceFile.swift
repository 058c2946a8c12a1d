import Foundation

/// The text behind `sitrep maintenance new` and `sitrep maintenance update`: pure functions from and to a
/// file's text, as `IncidentFile` is for incidents.
public enum MaintenanceFile {
    public static let defaultMessage = "This maintenance is scheduled."

    /// A new maintenance window: `YYYY-MM-DD-slug.md` (the day the window starts in `timeZone`, the slug from
    /// the title, `-2`, `-3`… appended while the id is in `existingIDs`) and its text: front matter with the
    /// window and one `scheduled` update at `at`.
    public static func new(
        title: String, components: [String], from start: Date, until end: Date, at: Date, timeZone: TimeZone,
        message: String = defaultMessage, existingIDs: Set<String> = []
    ) -> (fileName: String, text: String) {
        let id = Slug.unique(ContentTime.day(start, timeZone: timeZone) + "-" + Slug.make(from: title, fallback: "maintenance"),
                             avoiding: existingIDs)
        let componentList = components.map(YAMLScalarWriter.inline).joined(separator: ", ")
        let text = UpdateListEditor.newFile(frontMatter: [
            "title: \(YAMLScalarWriter.inline(title))",
            "components: [\(componentList)]    # ids from sitrep.yml",
            "scheduled_for: \(ContentTime.format(start, timeZone: timeZone))",
            "scheduled_until: \(ContentTime.format(end, timeZone: timeZone))",
            "updates:    # newest first; `sitrep maintenance update` adds new ones at the top",
        ], firstStatus: MaintenanceUpdateStatus.scheduled.rawValue, message: message, at: at, timeZone: timeZone,
           bodyHint: "optional Markdown with what changes and what readers will notice")
        return ("\(id).md", text)
    }

    /// The text with a new newest update at the top of its `updates:` list (added at the end of the front matter
    /// when the file has none). Every existing line is kept byte for byte. A `cancelled` update calls the window
    /// off; any later update of another status takes it up again. Throws as `IncidentFile.addingUpdate` does.
    public static func addingUpdate(
        to text: String, status: MaintenanceUpdateStatus, message: String, at: Date, timeZone: TimeZone = .gmt
    ) throws(ContentFileEditError) -> String {
        try UpdateListEditor.addingUpdate(to: text, status: status.rawValue, message: message, eta: nil, at: at,
                                          timeZone: timeZone, addsMissingList: true)
    }
}
