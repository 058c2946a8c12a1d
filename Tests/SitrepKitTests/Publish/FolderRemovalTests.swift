import Foundation
import Testing
@testable import SitrepKit

@Suite("Deleting a retired site")
struct FolderRemovalTests {
    @Test("Every file and folder below it goes, and nothing a symbolic link inside points to")
    func removesTheTreeButNotWhatLinksPointTo() throws {
        let scratch = try ScratchFolder("folder-removal")
        defer { scratch.remove() }
        let retired = scratch.url.appendingPathComponent("old-site")
        var files: [String: Data] = ["index.html": Data("home".utf8)]
        for index in 0..<40 {
            files["incidents/\(index).html"] = Data("incident \(index)".utf8)
            files["api/v1/components/\(index).json"] = Data("{}".utf8)
        }
        files["api/v2/empty-folder-sibling.json"] = Data()
        try ScratchFolder.write(files, to: retired)
        try FileManager.default.createDirectory(at: retired.appendingPathComponent("deep/er/empty"), withIntermediateDirectories: true)
        let outside = scratch.url.appendingPathComponent("kept")
        try ScratchFolder.write(["keep.txt": Data("keep".utf8)], to: outside)
        try FileManager.default.createSymbolicLink(at: retired.appendingPathComponent("incidents/link"), withDestinationURL: outside)
        #expect(ScratchFolder.snapshot(retired).count >= files.count)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: retired.path + "/incidents/link") == outside.path)

        FolderRemoval.remove(retired)

        #expect(!FileManager.default.fileExists(atPath: retired.path))
        #expect(ScratchFolder.snapshot(outside) == ["keep.txt": Data("keep".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["kept"])
    }

    @Test("A folder that does not exist is no error")
    func missingFolder() throws {
        let scratch = try ScratchFolder("folder-removal-missing")
        defer { scratch.remove() }
        FolderRemoval.remove(scratch.url.appendingPathComponent("never-made"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }
}
