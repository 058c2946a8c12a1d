import Foundation

/// Observations of one component over some stretch of time, weighted for uptime.
///
/// Status runs give every observation's time (`StatusRunObservations`): counts are then whole numbers.
/// A rollup bucket only says how many runs saw each status, not when; the builder assumes they are spread
/// evenly over the part of the bucket that has passed (`[bucketStart, min(bucketEnd, now))`). A region
/// covering a fraction of that time takes the same fraction of every count. Within the region each
/// observation's status goes through `ComponentTimeline.Segment.effective(_:)`: under maintenance it
/// leaves the denominator; during an open incident it counts as at least the incident's status.
struct ObservationTally: Sendable, Hashable {
    /// Observations counted in the denominator (fractional after apportioning).
    var observed = 0.0
    /// Observations lost to outages, each multiplied by its status' weight.
    var lost = 0.0
    /// The worst effective status of any observation (under maintenance included).
    var worst: ComponentStatus?

    /// Uptime 0...100; nil when nothing was observed (never 100 for "no data").
    var percent: Double? {
        guard observed > 0 else { return nil }
        return min(100, max(0, 100 * (1 - lost / observed)))
    }

    private static let statuses: [ComponentStatus] = [.operational, .degradedPerformance, .partialOutage, .majorOutage]

    /// Adds the part of `rollup` (whose observations span `bucket`) that falls in `region`.
    mutating func add(
        _ rollup: ComponentRollup, spreadOver bucket: Span, within region: Span,
        timeline: ComponentTimeline, weights: UptimeWeights
    ) {
        guard rollup.observations > 0, let covered = bucket.intersection(region) else { return }
        for segment in timeline.segments(in: covered) {
            let share = segment.span.duration / bucket.duration
            for status in Self.statuses {
                add(Double(rollup.count(of: status)) * share, of: status, in: segment, weights: weights)
            }
        }
    }

    /// Adds `count` observations of the probed `status` made within `segment`.
    mutating func add(_ count: Double, of status: ComponentStatus, in segment: ComponentTimeline.Segment, weights: UptimeWeights) {
        guard count > 0 else { return }
        let effective = segment.effective(status)
        worst = worst.map { $0.raised(toAtLeast: effective) } ?? effective
        guard effective != .underMaintenance else { return }
        observed += count
        lost += count * weights.weight(of: effective)
    }

    /// Adds `region` as declared time (a component without checks): one observation per minute of the
    /// status the content gives each part of it.
    mutating func addDeclared(_ region: Span, timeline: ComponentTimeline, weights: UptimeWeights) {
        for segment in timeline.segments(in: region) {
            let effective = segment.contentStatus
            worst = worst.map { $0.raised(toAtLeast: effective) } ?? effective
            guard effective != .underMaintenance else { continue }
            let minutes = segment.span.duration / 60
            observed += minutes
            lost += minutes * weights.weight(of: effective)
        }
    }
}
