import Foundation

/// A half-open stretch of time `[start, end)`: the unit the builder measures buckets, days, windows,
/// maintenance and incidents in.
struct Span: Sendable, Hashable {
    var start: Date
    var end: Date

    /// Seconds covered (0 when `end` is not after `start`).
    var duration: TimeInterval { max(0, end.timeIntervalSince(start)) }

    var isEmpty: Bool { end <= start }

    func contains(_ date: Date) -> Bool { start <= date && date < end }

    /// The common part; nil when they share no time.
    func intersection(_ other: Span) -> Span? {
        let common = Span(start: max(start, other.start), end: min(end, other.end))
        return common.isEmpty ? nil : common
    }

    /// Whether the two share time; an empty span (an instant) overlaps a span that contains it.
    func overlaps(_ other: Span) -> Bool {
        if isEmpty { return other.contains(start) }
        return start < other.end && other.start < end
    }
}

extension Incident {
    /// When the incident is open: from its oldest update until its `resolved` update, open-ended while
    /// unresolved (callers clip at `now`).
    var openSpan: Span { Span(start: startedAt, end: resolvedAt ?? .distantFuture) }
}

extension Maintenance {
    /// The scheduled window.
    var windowSpan: Span { Span(start: scheduledFor, end: scheduledUntil) }
}
