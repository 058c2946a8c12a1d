import Foundation

/// Reads one kind of content file (incident, maintenance) from its text, reporting every problem.
protocol ContentFileParser: SendableMetatype {
    associatedtype Item
    static func parse(text: String, id: String, sourcePath: String, knownComponents: Set<String>?, timeZone: TimeZone,
                      collector: DiagnosticCollector) -> Item?
}
