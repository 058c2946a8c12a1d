import Foundation
import Testing
@testable import SitrepKit

/// `StatusRunObservations.tally` counts a region's observations from sums at its ends, not stretch by stretch: it
/// must give, for any region, maintenance and incident edges at any millisecond, what going through the observations
/// one by one gives.
@Suite("Status run tally against a count one by one")
struct StatusRunTallyTests {
    static let startMs: Int64 = 1_795_132_800_000 // 2026-11-20T00:00:00Z

    /// 3,000 runs 61 s apart; the component, seen by about nine runs in ten, flaps between every automatic status.
    static func history() -> (StatusRunHistory, [(ms: Int64, status: ComponentStatus)]) {
        var random = SeededGenerator(state: 27)
        let statuses: [ComponentStatus] = [.operational, .degradedPerformance, .partialOutage, .majorOutage]
        var runIDs: [Int64] = []
        var starts: [Int64] = []
        var observations: [(ms: Int64, status: ComponentStatus)] = []
        var statusRuns: [StatusRun] = []
        for index in 0..<3_000 {
            let id = Int64(index + 1)
            let ms = startMs + Int64(index) * 61_000
            runIDs.append(id)
            starts.append(ms)
            guard Int.random(in: 0..<10, using: &random) != 0 else { continue }
            let previous = observations.last?.status ?? .operational
            let status = Int.random(in: 0..<6, using: &random) == 0 ? statuses[Int.random(in: 0..<4, using: &random)] : previous
            if let last = statusRuns.last, last.status == status, last.lastRunID == id - 1 {
                statusRuns[statusRuns.count - 1].lastRunID = id
            } else {
                statusRuns.append(StatusRun(componentID: "api", status: status, firstRunID: id, lastRunID: id))
            }
            observations.append((ms, status))
        }
        return (StatusRunHistory(exactFrom: .distantPast, runIDs: runIDs, runStartsMs: starts, statusRuns: statusRuns), observations)
    }

    static func date(_ ms: Int64) -> Date { StoreTime.date(ms) }

    @Test func anyRegionEqualsTheCountOneByOne() {
        let (history, observations) = Self.history()
        let observed = StatusRunObservations(statusRuns: history.statusRuns, clock: RunClock(history), exactFrom: .distantPast)
        let lastMs = history.runStartsMs.last ?? Self.startMs
        // Edges at odd milliseconds, some on an observation's very start.
        let timeline = ComponentTimeline(
            maintenance: [Span(start: Self.date(Self.startMs + 7_777_777), end: Self.date(Self.startMs + 9_150_000)),
                          Span(start: Self.date(Self.startMs + 61_000 * 1_200), end: Self.date(Self.startMs + 61_000 * 1_290 + 13))],
            raises: [ComponentTimeline.Raise(span: Span(start: Self.date(Self.startMs + 8_000_001), end: Self.date(Self.startMs + 60_000_003)),
                                             status: .partialOutage),
                     ComponentTimeline.Raise(span: Span(start: Self.date(Self.startMs + 100_000_000), end: .distantFuture),
                                             status: .degradedPerformance)])
        let weights = UptimeWeights()
        var random = SeededGenerator(state: 5)
        var regions = [Span(start: .distantPast, end: .distantFuture), Span(start: Self.date(Self.startMs), end: Self.date(lastMs + 1))]
        for _ in 0..<300 {
            let a = Self.startMs - 100_000 + Int64.random(in: 0...(lastMs - Self.startMs + 200_000), using: &random)
            let b = a + Int64.random(in: 0...40_000_000, using: &random)
            regions.append(Span(start: Self.date(a), end: Self.date(b)))
        }
        for region in regions {
            var tally = ObservationTally()
            observed.tally(region, timeline: timeline, weights: weights, into: &tally)
            var expected = ObservationTally()
            for observation in observations where region.contains(Self.date(observation.ms)) {
                expected.add(1, of: observation.status, in: timeline.segment(at: Self.date(observation.ms)), weights: weights)
            }
            #expect(tally.observed == expected.observed, "\(region)")
            #expect(abs(tally.lost - expected.lost) < 1e-6, "\(region): \(tally.lost) vs \(expected.lost)")
            #expect(tally.worst == expected.worst, "\(region)")
        }
        // The regions are not all empty: the comparison counted something.
        var whole = ObservationTally()
        observed.tally(regions[0], timeline: timeline, weights: weights, into: &whole)
        #expect(whole.observed > 2_000 && whole.lost > 0)
    }
}
