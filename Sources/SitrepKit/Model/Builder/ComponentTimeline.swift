import Foundation

/// What the content says about one component over time: the (not cancelled) maintenance windows and the
/// incidents that name it, with the status each incident raises it to.
///
/// One precedence rule serves the status now, uptime and the daily bars (`Segment.effective(_:)`):
/// maintenance replaces the probed status with `under_maintenance`; an open incident then raises the result
/// to at least its status, so a real outage declared during maintenance still shows (and counts).
struct ComponentTimeline: Sendable {
    struct Raise: Sendable, Hashable {
        var span: Span
        var status: ComponentStatus
    }

    /// A stretch of time in which neither maintenance nor the incident raise changes.
    struct Segment: Sendable, Hashable {
        var span: Span
        var inMaintenance: Bool
        /// The worst status open incidents ask for; nil when none does.
        var raise: ComponentStatus?

        /// The status shown for a probed `status` at a time in this segment.
        func effective(_ status: ComponentStatus) -> ComponentStatus {
            let base = inMaintenance ? ComponentStatus.underMaintenance : status
            return raise.map { base.raised(toAtLeast: $0) } ?? base
        }

        /// What the content alone makes of the time (`operational` when it says nothing).
        var contentStatus: ComponentStatus { effective(.operational) }
    }

    let maintenance: [Span]
    let raises: [Raise]

    init(maintenance: [Span], raises: [Raise]) {
        self.maintenance = maintenance
        self.raises = raises
    }

    /// The timeline of `componentID` from the incidents and maintenance windows that name it (any others are
    /// skipped too). Cancelled windows are ignored; incidents with impact `none` and no explicit status for the
    /// component raise nothing. The order of either list does not matter.
    init(componentID: String, incidents: [Incident], maintenance: [Maintenance]) {
        self.init(
            maintenance: maintenance
                .filter { !$0.cancelled && $0.names(componentID) && !$0.windowSpan.isEmpty }
                .map(\.windowSpan),
            raises: incidents.compactMap { incident in
                incident.componentStatus(componentID).map { Raise(span: incident.openSpan, status: $0) }
            })
    }

    /// The segment holding `date` (its span is just that instant).
    func segment(at date: Date) -> Segment {
        Segment(span: Span(start: date, end: date), inMaintenance: maintenance.contains { $0.contains(date) },
                raise: raise(at: date))
    }

    /// `region` cut at every start and end of maintenance or an incident inside it, oldest first.
    ///
    /// Called for every rollup bucket of every component, and most buckets hold no edge at all, so that case
    /// returns one segment without building any intermediate array.
    func segments(in region: Span) -> [Segment] {
        guard !region.isEmpty else { return [] }
        var cuts: [Date] = []
        func cut(at edge: Date) {
            if region.start < edge && edge < region.end { cuts.append(edge) }
        }
        for window in maintenance {
            cut(at: window.start)
            cut(at: window.end)
        }
        for raise in raises {
            cut(at: raise.span.start)
            cut(at: raise.span.end)
        }
        guard !cuts.isEmpty else { return [segment(over: region)] }
        cuts.sort()
        var segments: [Segment] = []
        var start = region.start
        for end in cuts + [region.end] where end != start {
            segments.append(segment(over: Span(start: start, end: end)))
            start = end
        }
        return segments
    }

    /// The segment over `span`, which no edge cuts: what holds at its middle holds throughout.
    private func segment(over span: Span) -> Segment {
        let middle = span.start.addingTimeInterval(span.end.timeIntervalSince(span.start) / 2)
        return Segment(span: span, inMaintenance: maintenance.contains { $0.contains(middle) }, raise: raise(at: middle))
    }

    /// The most severe status an incident open at `date` asks for (the first of equals).
    private func raise(at date: Date) -> ComponentStatus? {
        var worst: ComponentStatus?
        for raise in raises where raise.span.contains(date) {
            if let current = worst, current.severity >= raise.status.severity { continue }
            worst = raise.status
        }
        return worst
    }
}
