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
        @Sendable func build(_ generation: Int) -> [String: Data] {
            ["index.html": Data("generation \(generation)".utf8), "api/v2/summary.json": Data("{\"g\":\(generation)}".utf8)]
        }
        try SitePublisher().publish(build(0), to: output)

        // The reader runs on a thread of its own, not the (possibly busy) concurrency pool, and the writer keeps
        // swapping until the reader has read often enough and seen several generations: overlap is guaranteed,
        // not left to scheduling luck. Both loops are bounded.
        // The writer too runs on a thread of its own, so this test never holds a thread of the pool other
        // tests (and their timeouts) depend on.
        let reader = PollingReader(file: output.appendingPathComponent("index.html"))
        reader.start()
        let (generation, failure) = await withCheckedContinuation { (done: CheckedContinuation<(Int, PublishError?), Never>) in
            Thread {
                var generation = 0
                do throws(PublishError) {
                    while generation < 20_000, generation < 40 || reader.progress.reads < 200 || reader.progress.generationsSeen < 3 {
                        generation += 1
                        try SitePublisher().publish(build(generation), to: output)
                    }
                    done.resume(returning: (generation, nil))
                } catch {
                    done.resume(returning: (generation, error))
                }
            }.start()
        }
        let outcome = reader.stop()
        #expect(failure == nil, "\(String(describing: failure))")
        #expect(outcome.reads >= 200, "the reader should have overlapped the swaps")
        #expect(outcome.generationsSeen >= 3, "the reader should have seen several builds")
        #expect(outcome.problems.isEmpty, "\(outcome.problems.count) failed reads, first: \(outcome.problems.prefix(3))")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "generation \(generation)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0 != "site" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

/// Reads one file in a loop on a dedicated thread until stopped, noting every read that finds it missing or
/// not whole, and which generations it saw.
final class PollingReader: @unchecked Sendable {
    struct Progress: Sendable {
        var reads = 0
        var generationsSeen = 0
        var problems: [String] = []
    }

    // Safety: every mutable field is guarded by `lock`.
    private let lock = NSLock()
    private let file: URL
    private var stopping = false
    private var state = Progress()
    private var seen: Set<String> = []
    private let finished = DispatchSemaphore(value: 0)

    init(file: URL) { self.file = file }

    var progress: Progress { lock.withLock { state } }

    func start() {
        let thread = Thread { [self] in
            while !lock.withLock({ stopping }) {
                let text = try? String(contentsOf: file, encoding: .utf8)
                lock.withLock {
                    state.reads += 1
                    if let text, text.hasPrefix("generation ") {
                        seen.insert(text)
                        state.generationsSeen = seen.count
                    } else {
                        state.problems.append("index.html missing or empty on read \(state.reads)")
                    }
                }
            }
            finished.signal()
        }
        thread.start()
    }

    func stop() -> Progress {
        lock.withLock { stopping = true }
        finished.wait()
        return progress
    }
}
