import Foundation

/// Reads the subscribers file (`notifications.subscribers`, kept out of the published repository):
///
/// ```yaml
/// subscribers:
///   - email: ana@example.org
///     components: [api]
///     events: [incident_opened, incident_resolved]
///   - phone: "+15550100"
///     id: on-call
/// ```
///
/// Every problem is reported with the file, the line and the subscriber's position, never with the address.
public enum SubscriberFile {
    public static func load(from url: URL, componentIDs: Set<String>) throws(DiagnosticsError) -> [Subscriber] {
        let path = DisplayPath.of(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticsError([Diagnostic(path: path, line: 1, column: 1,
                                               message: "cannot read the subscribers file (does it exist?)")])
        }
        switch UTF8Text.decode(data) {
        case .success(let text):
            let (subscribers, problems) = parse(text, path: path, componentIDs: componentIDs)
            guard problems.isEmpty else { throw DiagnosticsError(problems) }
            return subscribers
        case .failure(let invalid):
            throw DiagnosticsError([Diagnostic(path: path, line: invalid.location.line, column: invalid.location.column,
                                               message: invalid.message)])
        }
    }

    /// The subscribers and every problem found (sorted); the list is usable only when there is no problem.
    static func parse(_ text: String, path: String, componentIDs: Set<String>) -> ([Subscriber], [Diagnostic]) {
        let collector = DiagnosticCollector(path: path)
        guard let root = YAMLDocument.parse(text, into: collector) else {
            if collector.isEmpty { return ([], []) }
            return ([], collector.diagnostics)
        }
        guard var reader = YAMLMapReader(root, keyPath: "", collector: collector) else { return ([], collector.diagnostics) }
        let items = reader.list("subscribers", required: true) ?? []
        reader.finish()
        var subscribers: [Subscriber] = []
        var keys: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let position = index + 1
            let line = item.location.line
            let label = "\(path):\(line) (subscriber \(position))"
            let itemCollector = DiagnosticCollector(path: path)
            if let subscriber = subscriber(item, label: label, componentIDs: componentIDs, collector: itemCollector) {
                if let earlier = keys[subscriber.key] {
                    itemCollector.report("the same address or id as subscriber \(earlier)", at: item.location)
                } else {
                    keys[subscriber.key] = position
                    subscribers.append(subscriber)
                }
            }
            for problem in itemCollector.diagnostics {
                collector.report("subscriber \(position): \(problem.message)", line: problem.line, column: problem.column)
            }
        }
        return (subscribers, collector.diagnostics.sorted())
    }

    private static func subscriber(_ node: YAMLNode, label: String, componentIDs: Set<String>,
                                   collector: DiagnosticCollector) -> Subscriber? {
        guard var reader = YAMLMapReader(node, keyPath: "", collector: collector) else { return nil }
        defer { reader.finish() }
        let email = reader.string("email")
        let phone = reader.string("phone")
        let id = reader.string("id")
        let limits = DeliveryLimitsReader.read(&reader, componentIDs: componentIDs)
        let address: Subscriber.Address
        switch (email, phone) {
        case (let email?, nil):
            guard let parsed = MailAddress.parse(email), parsed.displayName == nil else {
                reader.report("'email' is not a plain email address (local@domain)", at: reader.valueNode("email"))
                return nil
            }
            address = .email(parsed.address)
        case (nil, let phone?):
            guard PhoneNumber.isValid(phone) else {
                reader.report("'phone' must be an international number: '+' and 6 to 15 digits, no spaces",
                              at: reader.valueNode("phone"))
                return nil
            }
            address = .phone(phone)
        case (nil, nil):
            reader.report("each subscriber needs 'email' or 'phone'")
            return nil
        case (_?, _?):
            reader.report("a subscriber has 'email' or 'phone', not both (write two subscribers)")
            return nil
        }
        if let id, !Slug.isValid(id) {
            reader.report("'id' must use only a-z, 0-9 and '-' (it names the subscriber in summaries)",
                          at: reader.valueNode("id"))
            return nil
        }
        guard let limits else { return nil }
        let key: String
        switch address {
        case .email(let value): key = id ?? "email-" + StableID.of(value.lowercased())
        case .phone(let value): key = id ?? "phone-" + StableID.of(value)
        }
        return Subscriber(address: address, limits: limits, key: key, label: label)
    }
}
