import Foundation
import Testing
@testable import SitrepKit

/// Byte-for-byte comparison with stored pages. `SITREP_UPDATE_GOLDEN=1 swift test --filter Golden` rewrites them.
@Suite struct GoldenFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["SITREP_UPDATE_GOLDEN"] == "1"

    @Test(arguments: [("index.html", "index.html"), ("incidents/2026-11-20-api-errors.html", "incident.html")])
    func pageMatchesGolden(path: String, golden: String) throws {
        let rendered = try #require(try RenderedSite().files[path])
        let file = Self.folder.appendingPathComponent(golden)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try rendered.write(to: file)
            return
        }
        let stored = try #require(FileManager.default.contents(atPath: file.path),
                                  "missing \(file.path); run with SITREP_UPDATE_GOLDEN=1 to create it")
        #expect(rendered == stored, "\(path) differs from \(file.path); run with SITREP_UPDATE_GOLDEN=1 to accept the change")
    }
}
