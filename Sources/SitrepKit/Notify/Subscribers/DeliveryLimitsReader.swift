/// Reads `components:` and `events:` of a channel or subscriber, naming the allowed values when one is wrong.
enum DeliveryLimitsReader {
    /// nil when a value is wrong (already reported).
    static func read(_ reader: inout YAMLMapReader, componentIDs: Set<String>) -> DeliveryLimits? {
        var valid = true
        var limits = DeliveryLimits()
        if let components = reader.stringList("components") {
            for id in components where !componentIDs.contains(id) {
                let suggestion = KeySuggestion.didYouMean(id, among: componentIDs)
                reader.report("'\(reader.path("components"))' names '\(id)', which is not a component id\(suggestion)",
                              at: reader.valueNode("components"))
                valid = false
            }
            limits.components = Set(components)
        }
        if let events = reader.stringList("events") {
            var kinds: Set<NotificationEventKind> = []
            for name in events {
                guard let kind = NotificationEventKind(rawValue: name) else {
                    let allowed = NotificationEventKind.allCases.map(\.rawValue).joined(separator: ", ")
                    reader.report("'\(reader.path("events"))' must list kinds among \(allowed), not '\(name)'",
                                  at: reader.valueNode("events"))
                    valid = false
                    continue
                }
                kinds.insert(kind)
            }
            limits.events = kinds
        }
        return valid ? limits : nil
    }
}
