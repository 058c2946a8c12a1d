import Foundation

/// One component's history from the snapshot, read as observations over any region of time.
///
/// From `observations.exactFrom` on, observations are counted one by one from status runs
/// (`StatusRunObservations`): exact to the observation. Before it (a database upgraded from before status
/// runs, imported history), rollups are used: hourly rollups are used from `hourlyFrom` on (the snapshot carries them for its last
/// `min(days, ResultStore.componentHourlyDays)` days); before that, UTC daily rollups are apportioned by
/// overlap (see `ObservationTally`). So uptime windows and local-time daily bars are exact to the hour in
/// the recent past and approximate (even spread within a UTC day) further back.
struct ComponentHistory: ComponentObservations {
    let hourly: [ComponentRollup]
    let daily: [ComponentRollup]
    let hourlyFrom: Date
    let now: Date
    /// The exact observations; nil when the store has none (rollups then tell everything).
    let observations: StatusRunObservations?
    /// Whether each list is in bucket order with one granularity, as the store reads them: `tally` then looks
    /// only at the buckets that can reach into a region instead of at every bucket.
    private let ordered: Bool

    init(hourly: [ComponentRollup], daily: [ComponentRollup], hourlyFrom: Date, now: Date,
         observations: StatusRunObservations? = nil) {
        self.hourly = hourly
        self.daily = daily
        self.hourlyFrom = hourlyFrom
        self.now = now
        self.observations = observations
        ordered = Self.isOrdered(hourly) && Self.isOrdered(daily)
    }

    private static func isOrdered(_ rollups: [ComponentRollup]) -> Bool {
        zip(rollups, rollups.dropFirst()).allSatisfy { $0.bucketStart <= $1.bucketStart && $0.granularity == $1.granularity }
    }

    /// Where a snapshot's hourly component rollups begin.
    static func hourlyFrom(_ snapshot: StoreSnapshot) -> Date {
        let days = min(max(1, snapshot.days), ResultStore.componentHourlyDays)
        return RollupGranularity.hourly.bucketStart(of: snapshot.now.addingTimeInterval(-Double(days) * 86_400))
    }

    /// When the component was first observed: the time of its first probe run where the status runs hold it
    /// (the hour it falls in is the first hour with observations, and exact history covers that whole hour);
    /// else the start of that earliest hour, where the hourly rollups hold all of that first day's
    /// observations; else the start of the earliest UTC day holding one. (A daily bucket starts at midnight:
    /// taking it whenever it is there dated every component's first result at midnight.)
    var firstSeenAt: Date? {
        guard let (start, isHour) = firstBucketWithObservations else { return nil }
        if isHour, let observations, observations.exactFrom <= start, let first = observations.firstObservation,
           start <= first, first < start.addingTimeInterval(3_600) {
            return first
        }
        return start
    }

    /// The earliest bucket holding an observation, and whether it is an hour (see `firstSeenAt`).
    private var firstBucketWithObservations: (Date, Bool)? {
        let firstHour = hourly.lazy.filter { $0.observations > 0 }.map(\.bucketStart).min()
        guard let firstDay = daily.filter({ $0.observations > 0 }).min(by: { $0.bucketStart < $1.bucketStart }) else {
            return firstHour.map { ($0, true) }
        }
        guard let firstHour else { return (firstDay.bucketStart, false) }
        let day = Span(start: firstDay.bucketStart, end: firstDay.bucketStart.addingTimeInterval(86_400))
        let hourlyThatDay = hourly.filter { day.contains($0.bucketStart) }.map(\.observations).reduce(0, +)
        return day.contains(firstHour) && hourlyThatDay >= firstDay.observations ? (firstHour, true) : (firstDay.bucketStart, false)
    }

    var coverageStart: Date? { firstSeenAt }

    /// Observations within `region` (cut at `now`).
    func tally(_ region: Span, timeline: ComponentTimeline, weights: UptimeWeights) -> ObservationTally {
        var tally = ObservationTally()
        let rollupsUntil = observations.map { min($0.exactFrom, now) } ?? now
        if let observations, let exact = region.intersection(Span(start: observations.exactFrom, end: now)) {
            observations.tally(exact, timeline: timeline, weights: weights, into: &tally)
        }
        let past = Span(start: .distantPast, end: rollupsUntil)
        let parts: [(Span, [ComponentRollup])] = [
            (Span(start: .distantPast, end: hourlyFrom), daily),
            (Span(start: hourlyFrom, end: .distantFuture), hourly),
        ]
        for (coverage, rollups) in parts {
            guard let part = region.intersection(coverage)?.intersection(past) else { continue }
            for rollup in candidates(rollups, reaching: part) {
                let length = Double(rollup.granularity.lengthMs) / 1000
                let bucket = Span(start: rollup.bucketStart, end: min(rollup.bucketStart.addingTimeInterval(length), now))
                guard bucket.overlaps(part), !bucket.isEmpty else { continue }
                tally.add(rollup, spreadOver: bucket, within: part, timeline: timeline, weights: weights)
            }
        }
        return tally
    }

    /// The rollups that may overlap `part`, in their order: with ordered lists, from the first bucket that
    /// can still reach into it (one bucket length before its start) to the last that starts before its end;
    /// otherwise all of them. Buckets outside add nothing, so the tally is the same either way.
    private func candidates(_ rollups: [ComponentRollup], reaching part: Span) -> ArraySlice<ComponentRollup> {
        guard ordered, let first = rollups.first else { return rollups[...] }
        let earliest = part.start.addingTimeInterval(-Double(first.granularity.lengthMs) / 1000)
        var low = 0
        var high = rollups.count
        while low < high {
            let middle = (low + high) / 2
            if rollups[middle].bucketStart > earliest { high = middle } else { low = middle + 1 }
        }
        var end = low
        while end < rollups.count, rollups[end].bucketStart < part.end { end += 1 }
        return rollups[low..<end]
    }
}
