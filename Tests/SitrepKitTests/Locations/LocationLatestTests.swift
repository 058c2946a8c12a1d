import Foundation
import Testing
@testable import SitrepKit

/// What the builder keeps of each location's newest result per check (`location_latest`), followed by position
/// while a location's runs list their checks in one order (`LatestByPosition`), must not depend on that order.
@Suite struct LocationLatestTests {
    /// The runs of one location: the check order changes, a check is missing from some runs, one run lists a check
    /// twice at the same instant, one run's results are older than those of the run before, and a check is dropped.
    static func runs(location: String, seed: Int) -> [Segment.Run] {
        let checks = [("a", "x"), ("a", "y"), ("b", "z"), ("c", "w")]
        return (0..<40).map { index in
            let runAt = StoreFixtures.day0.addingTimeInterval(Double(index) * 60)
            var order = index % 7 < 3 ? checks : Array(checks.reversed())
            if index % 5 == 2 { order.removeAll { $0.0 == "c" } }
            // d is probed in the first runs only: its newest result comes from a run with another order of checks.
            if index < 10 { order.append(("d", "v")) }
            var results = order.enumerated().map { position, check in
                // Run 13 took its results ten minutes before its start (a clock step on the probe machine).
                let at = runAt.addingTimeInterval(index == 13 ? -600 : Double(position))
                let status: CheckStatus = (index * 3 + position + seed) % 11 == 0 ? .down : .up
                return StoreFixtures.result(check.0, check.1, at: at, status: status, latencyMs: Double(index * 10 + position))
            }
            if index % 9 == 4 || index == 39, let first = results.first {
                var again = first
                again.latencyMs = 9_999
                again.status = .degraded
                results.append(again)
            }
            return Segment.Run(id: Int64(index + 1), run: ProbeRun(startedAt: runAt, durationMs: 500, location: location),
                               results: results)
        }
    }

    @Test func eachLocationsNewestResultIsKeptWhateverTheOrderOfItsChecks() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("builder.sqlite"))
        var expected: [String: LocationResult] = [:]
        var files: [(path: String, segment: Segment)] = []
        for (seed, location) in ["ams", "nyc"].enumerated() {
            let runs = Self.runs(location: location, seed: seed)
            // By hand: the newest result of each check, the later one of two taken at the same instant.
            for result in runs.flatMap(\.results) {
                let key = "\(location)/\(result.componentID)/\(result.checkID)"
                if let known = expected[key], known.at > result.at { continue }
                expected[key] = LocationResult(location: location, componentID: result.componentID, checkID: result.checkID,
                                               at: result.at, status: result.status, latencyMs: result.latencyMs)
            }
            // Two segments per location, so the positions also carry over from one segment to the next.
            files.append(("\(location)-1", Segment(location: location, runs: Array(runs[..<25]))))
            files.append(("\(location)-2", Segment(location: location, runs: Array(runs[25...]))))
        }
        _ = try store.importSegments(files, rule: QuorumRule(quorum: nil, staleAfterS: 900))
        let stored = try store.snapshot(now: StoreFixtures.day0.addingTimeInterval(86_400), days: 2).locationResults
        #expect(stored == expected.values.sorted { ($0.location, $0.componentID, $0.checkID) < ($1.location, $1.componentID, $1.checkID) })
        // Not trivial: the duplicate in the last run won for its check.
        #expect(stored.count == 10)
        #expect(stored.contains { $0.componentID == "d" && $0.at < StoreFixtures.day0.addingTimeInterval(600) })
        #expect(stored.contains { $0.status == .degraded && $0.latencyMs == 9_999 })
    }
}
