import Foundation

/// A component without checks, read as observations: its status comes from the content alone, so every
/// minute from `coverageStart` to `now` counts as one observation of the status the content gives it then
/// (`operational`, an open incident's status, maintenance left out of the denominator), weighted like probe
/// observations. As cState does: uptime is the declared incident time taken from the time the component
/// has been on the page.
struct DeclaredHistory: ComponentObservations {
    /// From when the component counts: the site's first observation of any component or the start of the
    /// oldest incident or maintenance window naming it, whichever is earlier; nil when there is neither
    /// (nothing says since when the component exists: "no data").
    let coverageStart: Date?
    let now: Date

    /// `siteFirstSeen`: the earliest observation of any component. `incidents`, `maintenance`: the content
    /// naming the component (as it stands at `now`).
    init(siteFirstSeen: Date?, incidents: [Incident], maintenance: [Maintenance], now: Date) {
        let declared = incidents.map(\.openSpan.start) + maintenance.filter { !$0.cancelled }.map(\.scheduledFor)
        coverageStart = ([siteFirstSeen].compactMap { $0 } + declared).filter { $0 < now }.min()
        self.now = now
    }

    func tally(_ region: Span, timeline: ComponentTimeline, weights: UptimeWeights) -> ObservationTally {
        var tally = ObservationTally()
        guard let coverageStart, let part = region.intersection(Span(start: coverageStart, end: now)) else { return tally }
        tally.addDeclared(part, timeline: timeline, weights: weights)
        return tally
    }
}
