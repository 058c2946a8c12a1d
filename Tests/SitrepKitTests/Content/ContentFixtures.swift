import Foundation
@testable import SitrepKit

/// Content folders written into a fresh temporary directory for one test.
struct ContentFixture {
    static let components: Set<String> = ["api", "web", "db"]
    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    let root: URL

    init(incidents: [String: String] = [:], maintenance: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-content-\(UUID().uuidString)")
        try write(incidents, into: "incidents")
        try write(maintenance, into: "maintenance")
    }

    private func write(_ files: [String: String], into folder: String) throws {
        let directory = root.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
    }

    /// Loads the folder with paths shown as `incidents/x.md`, then deletes it.
    func load(timeZone: TimeZone = .gmt) -> (SiteContent, [Diagnostic]) {
        defer { try? FileManager.default.removeItem(at: root) }
        let rootPath = root.standardizedFileURL.path
        return ContentLoader.load(directory: root, knownComponents: Self.components, timeZone: timeZone) { url in
            let path = url.standardizedFileURL.path
            return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
        }
    }
}

/// A UTC instant from `2026-11-20T09:15:00Z`-style text, for expectations.
func utc(_ text: String) -> Date {
    ContentTime.parse(text, timeZone: .gmt) ?? .distantPast
}


/// Parses an incident file's text as `incidents/<id>.md`.
func parseIncident(_ text: String, id: String = "2026-11-20-api", timeZone: TimeZone = .gmt) -> (Incident?, [Diagnostic]) {
    ContentLoader.parseIncident(text: text, id: id, sourcePath: "incidents/\(id).md",
                                knownComponents: ContentFixture.components, timeZone: timeZone)
}

/// Parses a maintenance file's text as `maintenance/<id>.md`.
func parseMaintenance(_ text: String, id: String = "db-upgrade", timeZone: TimeZone = .gmt) -> (Maintenance?, [Diagnostic]) {
    ContentLoader.parseMaintenance(text: text, id: id, sourcePath: "maintenance/\(id).md",
                                   knownComponents: ContentFixture.components, timeZone: timeZone)
}
