import Foundation

/// A component's status at build time (SPEC.md, "Status semantics").
///
/// - Automatic part: `ComponentStatus.automatic(from:)` over the latest result of each configured check
///   that is recent, i.e. taken at most `probe.stale_after_s` seconds before `now`.
/// - Stale: the component has checks but none has a recent result. Its automatic part is then unknown:
///   `automaticStatus` is nil and `status` starts from `operational`, still changed by maintenance and
///   incidents; renderers say "No recent data" from `isStale` rather than trusting that baseline.
/// - No checks: never stale; `operational` unless the content says otherwise.
/// - Then `ComponentTimeline.Segment.effective(_:)`: maintenance in progress gives `under_maintenance`,
///   an open incident raises to at least its status (on top of maintenance).
enum ComponentStatusResolver {
    struct Resolution: Sendable, Hashable {
        var status: ComponentStatus
        var automaticStatus: ComponentStatus?
        var isStale: Bool
        var lastResultAt: Date?
    }

    /// `latest`: the newest result of each of the component's configured checks (checks without one are
    /// simply absent).
    static func resolve(
        checkCount: Int, latest: [CheckResult], timeline: ComponentTimeline, now: Date, staleAfterS: Int
    ) -> Resolution {
        let recent = latest.filter { now.timeIntervalSince($0.at) <= Double(staleAfterS) }
        let isStale = checkCount > 0 && recent.isEmpty
        let automatic = isStale ? nil : ComponentStatus.automatic(from: recent.map(\.status))
        return Resolution(
            status: timeline.segment(at: now).effective(automatic ?? .operational),
            automaticStatus: automatic, isStale: isStale, lastResultAt: latest.map(\.at).max())
    }
}
