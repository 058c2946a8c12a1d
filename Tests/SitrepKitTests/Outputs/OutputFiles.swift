import Foundation
import Testing
@testable import SitrepKit

/// Rendered outputs of a model, with helpers to read them in tests.
struct OutputFiles {
    let files: [String: Data]

    init(_ model: SiteModel = OutputsFixture.model) throws {
        files = MachineOutputs(strings: try SiteFixture.english()).render(model)
    }

    func text(_ path: String) throws -> String {
        let data = try #require(files[path], "missing output \(path)")
        return try #require(String(data: data, encoding: .utf8), "\(path) is not UTF-8")
    }

    func json(_ path: String) throws -> [String: Any] {
        let data = try #require(files[path], "missing output \(path)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path) is not an object")
    }

    func list(_ path: String, _ key: String) throws -> [[String: Any]] {
        try #require(try json(path)[key] as? [[String: Any]], "\(path) has no list \(key)")
    }

    func ids(_ path: String, _ key: String) throws -> [String] {
        try list(path, key).compactMap { $0["id"] as? String }
    }

    /// Writes every file below a fresh temporary folder and returns it.
    func write() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-outputs-\(UUID().uuidString)")
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }
}
