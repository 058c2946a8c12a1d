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
    /// Observations of each status in the stretches before each one (`countsBefore[i]`: `stretches[..<i]`), one
    /// entry more than `stretches`: the observations between two positions are then the difference of two sums,
    /// found by binary search, however many status runs lie between (a flapping component has thousands a day).
    private let countsBefore: [StatusCounts]

    /// `statusRuns`: the component's, in first-run order.
    init(statusRuns: [StatusRun], clock: RunClock, exactFrom: Date) {
        self.exactFrom = exactFrom
        self.clock = clock
        // Status runs come in id order, so each id is searched for from where the one before it was found.
        var found = (id: Int64.min, position: 0)
        func position(ofID id: Int64) -> Int {
            let position = id >= found.id ? clock.position(ofID: id, notBefore: found.position) : clock.position(ofID: id)
            found = (id, position)
            return position
        }
        var stretches: [Stretch] = []
        stretches.reserveCapacity(statusRuns.count)
        for run in statusRuns {
            let first = position(ofID: run.firstRunID)
            let end = run.lastRunID < .max ? position(ofID: run.lastRunID + 1) : clock.ids.count
            if first < end { stretches.append(Stretch(status: run.status, positions: first..<end)) }
        }
        self.stretches = stretches
        // Sums only where stretches follow one another without overlap (as the store writes them); for anything
        // else `tally` looks at the stretches one by one.
        let disjoint = zip(stretches, stretches.dropFirst()).allSatisfy { $0.positions.upperBound <= $1.positions.lowerBound }
        var sums: [StatusCounts] = []
        if disjoint {
            sums.reserveCapacity(stretches.count + 1)
            var running = StatusCounts()
            sums.append(running)
            for stretch in stretches {
                running.add(stretch.positions.count, of: stretch.status)
                sums.append(running)
            }
        }
        countsBefore = sums
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
        if clock.inTimeOrder, !countsBefore.isEmpty {
            // Runs in time order: each segment of the region is a range of positions, and its observations per
            // status the difference of the sums at its ends.
            let all = 0..<clock.startsMs.count
            for segment in timeline.segments(in: region) {
                let start = clock.position(ofTime: max(fromMs, StoreTime.milliseconds(segment.span.start)), within: all)
                let end = clock.position(ofTime: min(toMs, StoreTime.milliseconds(segment.span.end)), within: all)
                guard start < end else { continue }
                let counts = self.counts(before: end).minus(self.counts(before: start))
                for status in StatusCounts.statuses {
                    tally.add(Double(counts.count(of: status)), of: status, in: segment, weights: weights)
                }
            }
            return
        }
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

    /// Observations of each status at the positions before `position` (with `countsBefore`).
    private func counts(before position: Int) -> StatusCounts {
        // The first stretch not wholly before `position`; the ones before it are summed in `countsBefore`.
        var low = 0
        var high = stretches.count
        while low < high {
            let middle = (low + high) / 2
            if stretches[middle].positions.upperBound <= position { low = middle + 1 } else { high = middle }
        }
        var counts = countsBefore[low]
        if low < stretches.count, stretches[low].positions.lowerBound < position {
            counts.add(position - stretches[low].positions.lowerBound, of: stretches[low].status)
        }
        return counts
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
