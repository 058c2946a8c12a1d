/// Reads `components:` and `events:` of a channel or subscriber (the one reader of `DeliveryLimits`), naming
/// the allowed values when one is wrong.
enum DeliveryLimitsReader {
    /// nil when a value is wrong (already reported).
    static func read(_ reader: inout YAMLMapReader, componentIDs: Set<String>) -> DeliveryLimits? {
        var valid = true
        var limits = DeliveryLimits()
        if let components = reader.stringList("components") {
            for id in components where !componentIDs.contains(id) {
                reader.report("'\(reader.path("components"))' names unknown component '\(id)'"
                              + KeySuggestion.didYouMean(id, among: componentIDs), at: reader.valueNode("components"))
                valid = false
            }
            limits.components = Set(components)
        }
        if let events = reader.stringList("events") {
            var kinds: Set<NotificationEventKind> = []
            let allowed = NotificationEventKind.allCases.filter { $0 != .test }.map(\.rawValue)
            for name in events {
                guard let kind = NotificationEventKind(rawValue: name), kind != .test else {
                    reader.report("'\(reader.path("events"))' names unknown event '\(name)'"
                                  + KeySuggestion.didYouMean(name, among: allowed)
                                  + " (one of \(allowed.joined(separator: ", ")))", at: reader.valueNode("events"))
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
