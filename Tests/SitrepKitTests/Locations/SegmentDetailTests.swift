import Foundation
import Testing
@testable import SitrepKit

/// A flow's steps and a failed condition's summary travel from a probe location to the builder: `sitrep export`
/// writes them into the segment (format 2), `sitrep import` keeps them, and the builder's latest result has them.
@Suite struct SegmentDetailTests {
    @Test func stepsAndSummariesReachTheBuildersLatestResult() throws {
        let sites = try ThreeLocations(quorum: 1)
        let at = ThreeLocations.time(0, "ams")
        let store = try #require(sites.stores["ams"])
        try store.append(ProbeRun(startedAt: at, durationMs: 800, location: "ams"), results: [
            ResultDetailTests.flow(at: at), ResultDetailTests.condition(at: at),
        ])
        let files = try sites.ship("ams")
        let report = try sites.importFiles(files)
        #expect(report.outcomes.first?.outcome == .imported(runs: 1, results: 2, late: 0))

        let snapshot = try sites.builder.snapshot(now: at.addingTimeInterval(60), days: 2)
        let flow = try #require(snapshot.latestResults.first { $0.checkID == "checkout" })
        #expect(flow.steps == ResultDetailTests.steps)
        #expect(flow.error?.summary == "step orders: http_status")
        let queue = try #require(snapshot.latestResults.first { $0.checkID == "depth" })
        #expect(queue.error?.summary == "queue.depth: expected < 1000")
        #expect(queue.steps.isEmpty)
    }

    @Test func aSegmentCarriesStepsAndAFormatOneFileIsStillRead() throws {
        let at = StoreFixtures.day0
        let segment = Segment(location: "eu-1", runs: [
            Segment.Run(id: 3, run: ProbeRun(startedAt: at, durationMs: 900, location: "eu-1"),
                        results: [ResultDetailTests.flow(at: at), ResultDetailTests.condition(at: at)]),
        ])
        let current = segment.encoded()
        #expect(current.starts(with: Data("sitrep-segment 2 ".utf8)))
        #expect(try Segment.decode(current, path: "s") == segment)

        // A file from a sitrep before steps were carried: the same results, without steps.
        let formatOne = segment.encoded(version: 1)
        #expect(formatOne.starts(with: Data("sitrep-segment 1 ".utf8)))
        var withoutSteps = segment
        withoutSteps.runs[0].results[0].steps = []
        #expect(try Segment.decode(formatOne, path: "old") == withoutSteps)
    }

    @Test func aFileOfANewerFormatIsRefusedWithASentence() throws {
        let segment = Segment(location: "eu-1", runs: [
            Segment.Run(id: 1, run: ProbeRun(startedAt: StoreFixtures.day0, durationMs: 1, location: "eu-1"),
                        results: [ResultDetailTests.condition(at: StoreFixtures.day0)]),
        ])
        var bytes = segment.encoded()
        bytes[bytes.startIndex + "sitrep-segment ".utf8.count] = UInt8(ascii: "3")
        #expect(throws: SegmentError(path: "new", problem: .newerFormat("3"))) { try Segment.decode(bytes, path: "new") }
        #expect(SegmentError(path: "new", problem: .newerFormat("3")).description
            == "new is a segment of format 3, written by a newer sitrep; nothing was imported from it.")
    }
}
