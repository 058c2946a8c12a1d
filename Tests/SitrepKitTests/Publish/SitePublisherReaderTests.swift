import Foundation
import Testing
@testable import SitrepKit

/// A reader polling the published site while builds are swapped in must always find a whole site.
@Suite("Publish: concurrent reader")
struct SitePublisherReaderTests {
    @Test func aReaderNeverFindsTheSiteMissingOrMixed() async throws {
        let scratch = try ScratchFolder("publish-reader")
        defer { scratch.remove() }
        let output = scratch.url.appendingPathComponent("site")
        func build(_ generation: Int) -> [String: Data] {
            ["index.html": Data("generation \(generation)".utf8), "api/v2/summary.json": Data("{\"g\":\(generation)}".utf8)]
        }
        try SitePublisher().publish(build(0), to: output)

        let done = ManagedFlag()
        let reader = Task.detached { () -> (reads: Int, problems: [String]) in
            var reads = 0
            var problems: [String] = []
            while !done.isSet {
                let index = try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
                reads += 1
                guard let index, index.hasPrefix("generation ") else {
                    problems.append("index.html missing or empty on read \(reads)")
                    continue
                }
            }
            return (reads, problems)
        }
        for generation in 1...150 {
            try SitePublisher().publish(build(generation), to: output)
        }
        done.set()
        let outcome = await reader.value
        #expect(outcome.reads > 100, "the reader should have overlapped the swaps")
        #expect(outcome.problems.count == 0, "\(outcome.problems.count) failed reads, first: \(outcome.problems.prefix(3))")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "generation 150")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0 != "site" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

/// A flag one task sets and another polls.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
