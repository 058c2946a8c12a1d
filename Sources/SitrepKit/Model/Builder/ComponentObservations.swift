import Foundation

/// Where a component's uptime and daily bars come from: what the probe observed (`ComponentHistory`) or,
/// for a component without checks, the time the content declares (`DeclaredHistory`).
protocol ComponentObservations: Sendable {
    /// The earliest time the figures count; nil when there is nothing to count.
    var coverageStart: Date? { get }

    /// What was observed within `region` (cut at `now`).
    func tally(_ region: Span, timeline: ComponentTimeline, weights: UptimeWeights) -> ObservationTally
}
