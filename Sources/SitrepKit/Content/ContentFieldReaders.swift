import Foundation

/// One update as read from a file, before it becomes an `IncidentUpdate` or a `MaintenanceUpdate`.
struct ParsedUpdate<Status> {
    let at: Date
    let status: Status
    let message: String
    let eta: Date?
}

/// Readers for the values content files share: times, component lists and update lists.
extension YAMLMapReader {
    /// A non-empty text value (`title`, `message`).
    mutating func text(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required), let text = string(key) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            report("'\(path(key))' must not be empty", at: node)
            return nil
        }
        return text
    }

    /// A time in one of `ContentTime`'s forms, reported at the value when it is not one.
    mutating func time(_ key: String, required: Bool = false, timeZone: TimeZone) -> Date? {
        guard let node = value(key, required: required), let text = string(key) else { return nil }
        guard let date = ContentTime.parse(text, timeZone: timeZone) else {
            report("'\(path(key))' is not a valid time: '\(text)' (use 2026-11-20T09:15:00Z, an offset such as +01:00, "
                + "or '2026-11-20 09:15' in the site's time zone)", at: node)
            return nil
        }
        guard Timestamp.supportedRange.contains(date) else {
            report("'\(path(key))' is out of range: '\(text)' (times must lie \(Timestamp.supportedRangeText))", at: node)
            return nil
        }
        return date
    }

    /// `components:` as a list of ids (`[api, web]`, or one id) or a map of id to status
    /// (`{api: major_outage}`); every id must be one of `known` (any id when nil), at most once, and every status one of `allowed`.
    mutating func components(_ key: String, known: Set<String>?, allowed: [ComponentStatus]) -> [ComponentReference]? {
        guard let node = value(key) else { return nil }
        let entries: [(id: String, idNode: YAMLNode, status: ComponentStatus?)]
        switch node {
        case .scalar:
            entries = [(node.scalarText ?? "", node, nil)]
        case .sequence(let sequence):
            entries = sequence.compactMap { item in
                guard let id = item.scalarText else {
                    report("each item of '\(path(key))' must be a component id", at: item)
                    return nil
                }
                return (id, item, nil)
            }
        case .mapping(let mapping):
            entries = mapping.compactMap { pair in
                guard let id = pair.key.scalarText else {
                    report("each key of '\(path(key))' must be a component id", at: pair.key)
                    return nil
                }
                let names = allowed.map(\.rawValue).joined(separator: ", ")
                guard let raw = pair.value.scalarText, let status = ComponentStatus(rawValue: raw), allowed.contains(status) else {
                    report("'\(path(key)).\(id)' must be one of \(names), not '\(pair.value.scalarText ?? "a list or map")'", at: pair.value)
                    return (id, pair.key, nil)
                }
                return (id, pair.key, status)
            }
        }
        var seen: Set<String> = []
        var result: [ComponentReference] = []
        for entry in entries {
            if let known, !known.contains(entry.id) {
                report("unknown component '\(entry.id)' in '\(path(key))': not a component id in sitrep.yml", at: entry.idNode)
            } else if !seen.insert(entry.id).inserted {
                report("component '\(entry.id)' is named twice in '\(path(key))'", at: entry.idNode)
            } else {
                result.append(ComponentReference(id: entry.id, status: entry.status))
            }
        }
        return result
    }

    /// `updates:`, a list of `{at, status, message}` mappings (plus `eta` when `allowsETA`), newest first.
    /// An item with a problem is reported and left out; the order is checked between the items that remain.
    mutating func updates<Status: RawRepresentable & CaseIterable>(
        _ key: String, required: Bool, status: Status.Type, allowsETA: Bool, timeZone: TimeZone,
        markdown: MarkdownLimits
    ) -> [ParsedUpdate<Status>]? where Status.RawValue == String {
        guard let items = list(key, required: required) else { return nil }
        var result: [(update: ParsedUpdate<Status>, node: YAMLNode)] = []
        for (index, item) in items.enumerated() {
            guard var reader = YAMLMapReader(item, keyPath: "\(path(key))[\(index)]", collector: collector, lineOffset: lineOffset) else {
                continue
            }
            let at = reader.time("at", required: true, timeZone: timeZone)
            let parsedStatus = reader.enumValue("status", status, required: true)
            let eta = allowsETA ? reader.time("eta", timeZone: timeZone) : nil
            let message = reader.text("message", required: true)
            if let message, let node = reader.valueNode("message") {
                markdown.check(message, firstLine: reader.location(of: node).line, perLine: false)
            }
            reader.finish()
            guard let at, let parsedStatus, let message else { continue }
            if let previous = result.last, at > previous.update.at {
                reader.report("updates must be newest first, but this one (\(ContentTime.format(at, timeZone: .gmt))) is newer than "
                    + "the one above it at line \(location(of: previous.node).line)")
            }
            result.append((ParsedUpdate(at: at, status: parsedStatus, message: message, eta: eta), item))
        }
        return result.map(\.update)
    }
}
