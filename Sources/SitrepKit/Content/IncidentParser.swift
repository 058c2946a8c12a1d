import Foundation

/// Reads one incident file's text into an `Incident`, reporting every problem.
enum IncidentParser: ContentFileParser {
    /// Statuses the map form of `components:` may set in an incident (maintenance is not an incident's business).
    static let componentStatuses: [ComponentStatus] = [.operational, .degradedPerformance, .partialOutage, .majorOutage]

    static func parse(text: String, id: String, sourcePath: String, knownComponents: Set<String>?, timeZone: TimeZone,
                      collector: DiagnosticCollector) -> Incident? {
        guard var document = ContentDocument(text: text, collector: collector) else { return nil }
        let title = document.fields.text("title", required: true)
        let impact = document.fields.enumValue("impact", Impact.self, required: true)
        let components = document.fields.components("components", known: knownComponents, allowed: componentStatuses) ?? []
        let rootCause = document.fields.text("root_cause")
        let updates = document.fields.updates("updates", required: true, status: IncidentStatus.self, allowsETA: true, timeZone: timeZone,
                                              markdown: document.markdown)
        if let updates, updates.isEmpty, let node = document.fields.value("updates"), case .sequence(let items) = node, items.isEmpty {
            document.fields.report("an incident needs at least one update", at: node)
        }
        document.fields.finish()
        guard collector.isEmpty, let title, let impact, let updates, !updates.isEmpty else { return nil }
        return Incident(
            id: id, title: title, impact: impact, components: components, rootCause: rootCause,
            updates: updates.map { IncidentUpdate(at: $0.at, status: $0.status, message: $0.message, eta: $0.eta) },
            body: document.body, sourcePath: sourcePath)
    }
}
