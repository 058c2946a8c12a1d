import Foundation
import Testing
@testable import SitrepKit

@Suite struct SitePublisherTests {
    let first: [String: Data] = [
        "index.html": Data("<p>one</p>".utf8),
        "components/api.html": Data("api one".utf8),
        "incidents/gone.html": Data("only in the first build".utf8),
    ]
    let second: [String: Data] = [
        "index.html": Data("<p>two</p>".utf8),
        "components/api.html": Data("api two".utf8),
        "history/2025.html": Data("new".utf8),
    ]

    /// Names in `parent` other than the output folder itself: temp and old folders must not be left behind.
    func leftovers(in parent: URL, besides name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != name }.sorted()
    }

    /// A scratch folder holding `site/` published from `first`.
    func publishedFirst(_ label: String) throws -> (scratch: ScratchFolder, output: URL) {
        let scratch = try ScratchFolder(label)
        let output = scratch.url.appendingPathComponent("site")
        try SitePublisher().publish(first, to: output)
        return (scratch, output)
    }

    /// The previous site is byte-identical and nothing but `site/` is left beside it.
    func expectUntouched(_ scratch: ScratchFolder, _ output: URL) throws {
        #expect(ScratchFolder.snapshot(output) == first)
        #expect(try leftovers(in: scratch.url, besides: "site").isEmpty)
    }

    @Test func publishesIntoAFreshFolder() throws {
        let (scratch, output) = try publishedFirst("publish-fresh")
        defer { scratch.remove() }
        try expectUntouched(scratch, output)
    }

    @Test func swapReplacesTheSiteAndDropsStaleFiles() throws {
        let (scratch, output) = try publishedFirst("publish-swap")
        defer { scratch.remove() }
        try SitePublisher().publish(second, to: output)
        #expect(ScratchFolder.snapshot(output) == second)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("incidents/gone.html").path))
        #expect(try leftovers(in: scratch.url, besides: "site").isEmpty)
    }

    /// Inode of a file.
    func inode(_ url: URL) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.intValue
    }

    @Test func unchangedFilesAreCarriedOverAndChangedOnesWrittenAfresh() throws {
        let (scratch, output) = try publishedFirst("publish-unchanged")
        defer { scratch.remove() }
        var next = second
        next["components/api.html"] = first["components/api.html"]
        next["incidents/same-length.html"] = Data("only in the next build".utf8)
        let keptInode = try inode(output.appendingPathComponent("components/api.html"))
        let changedInode = try inode(output.appendingPathComponent("index.html"))
        let (count, unchanged, manifest) = try SitePublisher().publish(to: output) { staging in
            for (path, data) in next.sorted(by: { $0.key < $1.key }) { staging.write(path, data) }
        }
        #expect(count == next.count)
        #expect(unchanged == 1)
        #expect(manifest != nil && manifest == SiteManifest.read(output), "the manifest read while flushing is that of the published site")
        #expect(ScratchFolder.snapshot(output) == next)
        #expect(try inode(output.appendingPathComponent("components/api.html")) == keptInode)
        #expect(try inode(output.appendingPathComponent("index.html")) != changedInode)
        #expect(try leftovers(in: scratch.url, besides: "site").isEmpty)
    }

    @Test func aFailedBuildThatSharedFilesLeavesThePreviousSiteIntact() throws {
        let (scratch, output) = try publishedFirst("publish-shared-fail")
        defer { scratch.remove() }
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            _ = try SitePublisher().publish(to: output) { staging in
                for (path, data) in first { staging.write(path, data) }
                staging.write("index.html.extra", Data("x".utf8))
                throw Interrupted()
            }
        }
        try expectUntouched(scratch, output)
    }

    @Test func aFileThatCannotBeCreatedLeavesThePreviousSiteIntact() throws {
        let (scratch, output) = try publishedFirst("publish-fail-name")
        defer { scratch.remove() }
        var broken = second
        broken["incidents/\(String(repeating: "x", count: 300)).html"] = Data("too long a name".utf8)
        #expect(throws: PublishError.self) { try SitePublisher().publish(broken, to: output) }
        try expectUntouched(scratch, output)
    }

    @Test func aFileFolderClashFailsAndNamesThePath() throws {
        let (scratch, output) = try publishedFirst("publish-fail-clash")
        defer { scratch.remove() }
        var broken = second
        broken["history"] = Data("a file where a folder must go".utf8)
        let error = #expect(throws: PublishError.self) { try SitePublisher().publish(broken, to: output) }
        #expect(error?.message.contains("\(output.path)/history") == true)
        try expectUntouched(scratch, output)
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a//b.html", "./index.html", "", "a/..", "a/./b.html", "dir/",
                      "a\0b.html", "..", "."])
    func pathsOutsideTheSiteAreRefusedBeforeAnythingIsWritten(path: String) throws {
        let (scratch, output) = try publishedFirst("publish-fail-path")
        defer { scratch.remove() }
        var broken = second
        broken[path] = Data("x".utf8)
        #expect(throws: PublishError.self) { try SitePublisher().publish(broken, to: output) }
        try expectUntouched(scratch, output)
    }

    /// Names that only look like `.` or `..` are ordinary files.
    @Test(arguments: ["...", ".well-known/security.txt", "a/..b/c.html", "..x", "ü/é.html"])
    func dotNamesThatAreNotSegmentsAreAccepted(path: String) throws {
        let output = URL(fileURLWithPath: "/tmp/site")
        #expect(throws: Never.self) { try SitePublisher.validate(path, output: output) }
    }

    @Test func anUnwritableParentFailsWithAClearSentence() throws {
        let scratch = try ScratchFolder("publish-fail-parent")
        defer { scratch.remove() }
        // The "parent" is a regular file, so nothing can be created inside it (this holds for root too).
        let blocker = scratch.url.appendingPathComponent("not-a-folder")
        try Data("file".utf8).write(to: blocker)
        let output = blocker.appendingPathComponent("site")
        let error = #expect(throws: PublishError.self) { try SitePublisher().publish(first, to: output) }
        #expect(error?.message.contains(blocker.path) == true)
        #expect(try leftovers(in: scratch.url, besides: "not-a-folder").isEmpty)
    }

    @Test func anOutputThatIsAFileIsRefused() throws {
        let scratch = try ScratchFolder("publish-fail-file")
        defer { scratch.remove() }
        let output = scratch.url.appendingPathComponent("site")
        try Data("precious".utf8).write(to: output)
        #expect(throws: PublishError.self) { try SitePublisher().publish(first, to: output) }
        #expect(FileManager.default.contents(atPath: output.path) == Data("precious".utf8))
    }
}

extension SitePublisherTests {
    /// Permission bits do not stop root, so this runs only for other users.
    @Test(.enabled(if: geteuid() != 0, "root ignores directory permissions"))
    func aReadOnlyParentLeavesThePreviousSiteIntact() throws {
        let scratch = try ScratchFolder("publish-fail-readonly")
        defer {
            _ = chmod(scratch.url.path, 0o755)
            scratch.remove()
        }
        let output = scratch.url.appendingPathComponent("site")
        try SitePublisher().publish(first, to: output)
        #expect(chmod(scratch.url.path, 0o555) == 0)
        #expect(throws: PublishError.self) { try SitePublisher().publish(second, to: output) }
        #expect(ScratchFolder.snapshot(output) == first)
    }
}

/// The streaming form the build uses: files arrive from several threads while pages are still rendering.
extension SitePublisherTests {
    struct RendererFailed: Error {}

    @Test func filesHandedOverFromManyThreadsAreAllPublished() throws {
        let (scratch, output) = try publishedFirst("publish-stream")
        defer { scratch.remove() }
        let many = Dictionary(uniqueKeysWithValues: (0..<400).map { ("components/c\($0).html", Data("page \($0)".utf8)) })
        let paths = many.keys.sorted()
        let (count, _, _) = try SitePublisher().publish(to: output) { staging in
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                staging.write(paths[index], many[paths[index]] ?? Data())
            }
        }
        #expect(count == 400)
        #expect(ScratchFolder.snapshot(output) == many)
        #expect(try leftovers(in: scratch.url, besides: "site").isEmpty)
    }

    @Test func aProducerFailingHalfWayLeavesThePreviousSiteIntact() throws {
        let (scratch, output) = try publishedFirst("publish-stream-fail")
        defer { scratch.remove() }
        #expect(throws: RendererFailed.self) {
            _ = try SitePublisher().publish(to: output) { staging in
                staging.write("index.html", Data("half a build".utf8))
                throw RendererFailed()
            }
        }
        try expectUntouched(scratch, output)
    }

    @Test func aFileThatCannotBeWrittenMidStreamFailsTheWholeBuild() throws {
        let (scratch, output) = try publishedFirst("publish-stream-bad-path")
        defer { scratch.remove() }
        let error = #expect(throws: PublishError.self) {
            _ = try SitePublisher().publish(to: output) { staging in
                staging.write("index.html", Data("new".utf8))
                staging.write("../outside.html", Data("escape".utf8))
                staging.write("history.html", Data("after the failure".utf8))
            }
        }
        #expect(error?.message.contains("outside.html") == true)
        try expectUntouched(scratch, output)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("outside.html").path))
    }
}
