import Foundation

/// One component's observations from its status runs, each made at its probe run's start: the tally over any
/// region is the count a person gets going through the results one by one, whatever minute the region,
/// maintenance or an incident starts or ends at.
struct StatusRunObservations: Sendable {
    /// One status run as a range of positions in the clock.
    private struct Stretch: Sendable {
        var status: ComponentStatus
        var positions: Range<Int>
    }

    /// From when these observations are the whole truth (before it, rollups tell).
    let exactFrom: Date
    private let clock: RunClock
    /// In position order, not overlapping (a component's status runs never share a run).
    private let stretches: [Stretch]

    /// `statusRuns`: the component's, in first-run order.
    init(statusRuns: [StatusRun], clock: RunClock, exactFrom: Date) {
        self.exactFrom = exactFrom
        self.clock = clock
        stretches = statusRuns.compactMap { run in
            let first = clock.position(ofID: run.firstRunID)
            let end = run.lastRunID < .max ? clock.position(ofID: run.lastRunID + 1) : clock.ids.count
            return first < end ? Stretch(status: run.status, positions: first..<end) : nil
        }
    }

    /// The earliest observation these status runs hold (the start of its probe run); nil when they hold none.
    /// With runs in time order (as appends make them) each stretch starts at its first position, so only those
    /// are compared, not every run of the snapshot's days a steady component's stretch holds.
    var firstObservation: Date? {
        let starts = clock.inTimeOrder
            ? stretches.map { clock.startsMs[$0.positions.lowerBound] }
            : stretches.compactMap { stretch in stretch.positions.map { clock.startsMs[$0] }.min() }
        return starts.min().map(StoreTime.date)
    }

    /// Adds every observation made within `region` (`start <= time < end`) to `tally`.
    func tally(_ region: Span, timeline: ComponentTimeline, weights: UptimeWeights, into tally: inout ObservationTally) {
        guard !region.isEmpty, !stretches.isEmpty else { return }
        let fromMs = StoreTime.milliseconds(region.start)
        let toMs = StoreTime.milliseconds(region.end)
        guard clock.inTimeOrder else {
            // Rare (runs out of time order): every stretch is looked at, and only one out of order run by run.
            for stretch in stretches {
                if clock.isInTimeOrder(stretch.positions) {
                    add(stretch, fromMs: fromMs, toMs: toMs, timeline: timeline, weights: weights, into: &tally)
                    continue
                }
                for position in stretch.positions where fromMs <= clock.startsMs[position] && clock.startsMs[position] < toMs {
                    let segment = timeline.segment(at: StoreTime.date(clock.startsMs[position]))
                    tally.add(1, of: stretch.status, in: segment, weights: weights)
                }
            }
            return
        }
        let all = 0..<clock.startsMs.count
        let inRegion = clock.position(ofTime: fromMs, within: all)..<clock.position(ofTime: toMs, within: all)
        guard !inRegion.isEmpty else { return }
        // The first stretch ending inside the region; later ones end later.
        var index = 0
        var high = stretches.count
        while index < high {
            let middle = (index + high) / 2
            if stretches[middle].positions.upperBound <= inRegion.lowerBound { index = middle + 1 } else { high = middle }
        }
        while index < stretches.count, stretches[index].positions.lowerBound < inRegion.upperBound {
            add(stretches[index], fromMs: fromMs, toMs: toMs, timeline: timeline, weights: weights, into: &tally)
            index += 1
        }
    }

    /// Adds the observations of `stretch` (whose runs are in time order) made in `fromMs..<toMs`.
    private func add(
        _ stretch: Stretch, fromMs: Int64, toMs: Int64, timeline: ComponentTimeline, weights: UptimeWeights,
        into tally: inout ObservationTally
    ) {
        let positions = clock.position(ofTime: fromMs, within: stretch.positions)..<clock.position(ofTime: toMs, within: stretch.positions)
        guard let first = positions.first, let last = positions.last else { return }
        // Cut where maintenance or an incident begins or ends; observations on an edge belong to the later side.
        let covered = Span(start: StoreTime.date(clock.startsMs[first]), end: StoreTime.date(clock.startsMs[last] + 1))
        for segment in timeline.segments(in: covered) {
            let start = clock.position(ofTime: StoreTime.milliseconds(segment.span.start), within: positions)
            let end = clock.position(ofTime: StoreTime.milliseconds(segment.span.end), within: positions)
            tally.add(Double(end - start), of: stretch.status, in: segment, weights: weights)
        }
    }
}
