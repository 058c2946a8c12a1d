import Foundation

/// Reads one maintenance file's text into a `Maintenance`, reporting every problem.
enum MaintenanceParser: ContentFileParser {
    static func parse(text: String, id: String, sourcePath: String, knownComponents: Set<String>?, timeZone: TimeZone,
                      collector: DiagnosticCollector) -> Maintenance? {
        guard var document = ContentDocument(text: text, collector: collector) else { return nil }
        let title = document.fields.text("title", required: true)
        let components = document.fields.components("components", known: knownComponents, allowed: ComponentStatus.allCases) ?? []
        let start = document.fields.time("scheduled_for", required: true, timeZone: timeZone)
        let end = document.fields.time("scheduled_until", required: true, timeZone: timeZone)
        if let start, let end, end <= start, let node = document.fields.value("scheduled_until") {
            document.fields.report("'scheduled_until' must be after 'scheduled_for'", at: node)
        }
        let updates = document.fields.updates("updates", required: false, status: MaintenanceUpdateStatus.self,
                                              allowsETA: false, timeZone: timeZone, markdown: document.markdown) ?? []
        var cancelled = false
        if let node = document.fields.value("status"), let status = document.fields.string("status") {
            if MaintenanceUpdateStatus(rawValue: status) == .cancelled {
                cancelled = true
            } else {
                document.fields.report("'status' can only be 'cancelled' (a window's state otherwise follows the clock), not '\(status)'", at: node)
            }
        }
        document.fields.finish()
        guard collector.isEmpty, let title, let start, let end else { return nil }
        return Maintenance(
            id: id, title: title, components: components, scheduledFor: start, scheduledUntil: end,
            updates: updates.map { MaintenanceUpdate(at: $0.at, status: $0.status, message: $0.message) },
            cancelled: cancelled, body: document.body, sourcePath: sourcePath)
    }
}
