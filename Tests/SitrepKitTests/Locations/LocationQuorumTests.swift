import Foundation
import Testing
@testable import SitrepKit

/// Probing from several places (issue 17): three locations in one test, segments moved between folders.
@Suite struct LocationQuorumTests {
    let later = ThreeLocations.time(60, "sfo")

    @Test func anOutageOneLocationSeesAloneIsNotPublished() throws {
        let sites = try ThreeLocations()
        try sites.probe("ams", minutes: 0..<10, down: [4, 5, 9])
        try sites.probe("nyc", minutes: 0..<10)
        try sites.probe("sfo", minutes: 0..<10)
        let files = try ThreeLocations.names.flatMap { try sites.ship($0) }
        let report = try sites.importFiles(files)
        #expect(report.outcomes.allSatisfy { $0.outcome == .imported(runs: 10, results: 20, late: 0) })
        #expect(try sites.agreedCount("api", .majorOutage, now: later) == 0)
        #expect(try sites.agreedCount("api", .operational, now: later) == report.agreedRuns)
        // The location's own view still shows what it saw.
        let snapshot = try sites.builder.snapshot(now: later, days: 2)
        let ams = snapshot.locationResults.first { $0.location == "ams" && $0.checkID == "health" }
        #expect(ams?.status == .down)
        #expect(snapshot.latestResults.first { $0.checkID == "health" }?.status == .up)
    }

    @Test func anOutageTwoLocationsSeeIsPublished() throws {
        let sites = try ThreeLocations()
        try sites.probe("ams", minutes: 0..<10, down: [4, 5])
        try sites.probe("nyc", minutes: 0..<10, down: [4, 5])
        try sites.probe("sfo", minutes: 0..<10)
        let report = try sites.importFiles(ThreeLocations.names.flatMap { try sites.ship($0) })
        // nyc's down at 4:17 makes two of three (ams saw it at 4:02); so do sfo's up runs until ams and nyc recover.
        let down = try sites.agreedCount("api", .majorOutage, now: later)
        #expect(down >= 3)
        #expect(try sites.agreedCount("api", .operational, now: later) == report.agreedRuns - down)
        let atOutage = try sites.builder.snapshot(now: ThreeLocations.time(5, "sfo"), days: 2)
        #expect(atOutage.latestResults.first { $0.checkID == "health" }?.status == .down)
        // web was up everywhere: never down.
        #expect(try sites.agreedCount("web", .majorOutage, now: later) == 0)
    }

    @Test func aSilentLocationIsLeftOutAndMarkedStale() throws {
        let sites = try ThreeLocations(staleAfterS: 600)
        try sites.probe("ams", minutes: 0..<40, down: [30])
        try sites.probe("nyc", minutes: 0..<40, down: [31])
        try sites.probe("sfo", minutes: 0..<5)
        let report = try sites.importFiles(ThreeLocations.names.flatMap { try sites.ship($0) })
        #expect(report.locations.map(\.name) == ["ams", "nyc", "sfo"])
        #expect(report.locations.map(\.isLive) == [true, true, false])
        // The agreed history does not wait for sfo: it runs to the slower live location's newest run.
        #expect(report.settledAt == ThreeLocations.time(39, "ams"))
        // ams alone at minute 30 and nyc alone at 31: two voters, majority two: never down.
        #expect(try sites.agreedCount("api", .majorOutage, now: later) == 0)
        let now = ThreeLocations.time(40, "sfo")
        let snapshot = try sites.builder.snapshot(now: now, days: 2)
        let model = LocationStatusBuilder.statuses(snapshot.locationResults.filter { $0.componentID == "api" },
                                                   checkIDs: ["health"], now: now, staleAfterS: 600)
        #expect(model.map(\.name) == ["ams", "nyc", "sfo"])
        #expect(model.map(\.isStale) == [false, false, true])
        #expect(model.last?.lastResultAt == ThreeLocations.time(4, "sfo"))
        #expect(model.first?.latencyMs == 40)
    }

    @Test func withQuorumTwoOfTwoLiveLocationsAnOutageIsPublished() throws {
        let sites = try ThreeLocations(staleAfterS: 600)
        try sites.probe("ams", minutes: 0..<40, down: [30, 31])
        try sites.probe("nyc", minutes: 0..<40, down: [30, 31])
        try sites.probe("sfo", minutes: 0..<5)
        try sites.importFiles(ThreeLocations.names.flatMap { try sites.ship($0) })
        #expect(try sites.agreedCount("api", .majorOutage, now: later) >= 2)
    }

    @Test func aDuplicateSegmentChangesNothing() throws {
        let sites = try ThreeLocations()
        for name in ThreeLocations.names { try sites.probe(name, minutes: 0..<5) }
        let files = try ThreeLocations.names.flatMap { try sites.ship($0) }
        try sites.importFiles(files)
        let before = try sites.builder.snapshot(now: later, days: 2)
        let revision = try sites.builder.revision()
        // Twice again, once in one import with itself.
        let again = try sites.importFiles(files + [files[0]])
        #expect(again.outcomes.map { $0.outcome } == Array(repeating: .duplicate, count: 4))
        #expect(again.agreedRuns == 0)
        #expect(try sites.builder.snapshot(now: later, days: 2) == before)
        #expect(try sites.builder.revision() != revision)
    }

    @Test func segmentsImportAlikeInAnyOrder() throws {
        let sites = try ThreeLocations()
        for name in ThreeLocations.names { try sites.probe(name, minutes: 0..<4, down: name == "sfo" ? [] : [2]) }
        let early = try ThreeLocations.names.flatMap { try sites.ship($0) }
        for name in ThreeLocations.names { try sites.probe(name, minutes: 4..<8, down: name == "ams" ? [] : [6]) }
        let files = early + (try ThreeLocations.names.flatMap { try sites.ship($0) })
        #expect(files.count == 6)
        // The builder gets them in two imports, as they were shipped; another builder all at once, backwards.
        try sites.importFiles(early)
        try sites.importFiles(Array(files[3...]))
        let other = try ResultStore.open(at: sites.folder.file("other/sitrep.sqlite"))
        let segments = try files.reversed().map { ($0.lastPathComponent, try Segment.decode(Data(contentsOf: $0), path: "x")) }
        try other.importSegments(segments, rule: sites.rule)
        let now = ThreeLocations.time(9, "sfo")
        #expect(try other.snapshot(now: now, days: 2) == sites.builder.snapshot(now: now, days: 2))
        #expect(try sites.agreedCount("api", .majorOutage, now: now) >= 2)
    }

    @Test func aSegmentCutShortIsRefusedWholeAndImportsOnceComplete() throws {
        let sites = try ThreeLocations()
        try sites.probe("ams", minutes: 0..<5)
        guard let file = try sites.ship("ams").first else { Issue.record("no segment"); return }
        let whole = try Data(contentsOf: file)
        let cut = sites.folder.file("cut.segment")
        try whole.prefix(whole.count - 7).write(to: cut)
        #expect(throws: SegmentError(path: "cut.segment", problem: .cutShort(expected: whole.count - headerLength(whole),
                                                                              found: whole.count - headerLength(whole) - 7))) {
            try Segment.decode(Data(contentsOf: cut), path: "cut.segment")
        }
        var damaged = whole
        damaged[damaged.count - 3] ^= 0x01
        #expect(throws: SegmentError(path: "d", problem: .damaged)) { try Segment.decode(damaged, path: "d") }
        #expect(throws: SegmentError(path: "e", problem: .empty)) { try Segment.decode(Data(), path: "e") }
        #expect(throws: SegmentError(path: "n", problem: .notASegment)) { try Segment.decode(Data("hello\n".utf8), path: "n") }
        #expect(try sites.builder.revision() == 1)
        let report = try sites.importFiles([file])
        #expect(report.outcomes.first?.outcome == .imported(runs: 5, results: 10, late: 0))
    }

    @Test func aSegmentRoundTripsEveryValue() throws {
        let at = StoreFixtures.day0
        var flow = StoreFixtures.result("api", "flow", at: at.addingTimeInterval(1.5), status: .degraded, latencyMs: 12.345)
        flow.type = .flow
        flow.error = ProbeError(kind: .slow, message: "slow ünïcode", summary: "step login", severity: .degraded)
        flow.attempts = 2
        flow.steps = ResultDetailTests.steps
        let segment = Segment(location: "eu-1", runs: [
            Segment.Run(id: 7, run: ProbeRun(startedAt: at, durationMs: 1234.5, location: "eu-1"), results: [
                flow, StoreFixtures.result("web", "home", at: at, status: .down, latencyMs: nil, timings: nil),
            ]),
            Segment.Run(id: 9, run: ProbeRun(startedAt: at.addingTimeInterval(60), durationMs: 1, location: "eu-1"), results: [
                StoreFixtures.result("web", "home", at: at.addingTimeInterval(59), status: .up),
            ]),
        ])
        let decoded = try Segment.decode(segment.encoded(), path: "s")
        #expect(decoded == segment)
        #expect(segment.fileName == "eu-1.0000000007-0000000009.segment")
    }

    @Test func anExportHoldsOnlyWhatIsNew() throws {
        let sites = try ThreeLocations()
        #expect(try sites.ship("ams").isEmpty)
        try sites.probe("ams", minutes: 0..<3)
        let first = try sites.ship("ams")
        #expect(first.map(\.lastPathComponent) == ["ams.0000000001-0000000003.segment"])
        #expect(try sites.ship("ams").isEmpty)
        try sites.probe("ams", minutes: 3..<5)
        #expect(try sites.ship("ams").map(\.lastPathComponent) == ["ams.0000000004-0000000005.segment"])
    }

    @Test func aBuildReadsAConsistentSnapshotWhileSegmentsImport() async throws {
        let sites = try ThreeLocations()
        var batches: [[URL]] = []
        for minute in stride(from: 0, to: 40, by: 2) {
            for name in ThreeLocations.names { try sites.probe(name, minutes: minute..<minute + 2, down: minute % 6 == 0 ? [minute] : []) }
            batches.append(try ThreeLocations.names.flatMap { try sites.ship($0) })
        }
        let builder = sites.builder
        let now = later
        let shipped = batches
        let importing = Task.detached { for batch in shipped { try sites.importFiles(batch) } }
        var joined = 0
        for _ in 0..<60 {
            let parts = try SnapshotPart.Kind.allCases.map { try builder.snapshotPart($0, now: now, days: 2) }
            guard let snapshot = StoreSnapshot(joining: parts, now: now, days: 2) else { continue }
            joined += 1
            // Every agreed run observed both components once, in the same transaction as its rollups.
            let observations = snapshot.componentDaily.reduce(0) { $0 + $1.observations }
            #expect(observations == 2 * snapshot.statusRunHistory.runIDs.count)
        }
        try await importing.value
        #expect(joined > 0)
        let whole = try builder.snapshot(now: now, days: 2)
        #expect(whole.componentDaily.reduce(0) { $0 + $1.observations } == 2 * whole.statusRunHistory.runIDs.count)
    }

    private func headerLength(_ data: Data) -> Int { (data.firstIndex(of: 0x0A) ?? 0) + 1 }
}
