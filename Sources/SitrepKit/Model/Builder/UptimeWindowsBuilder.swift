import Foundation

/// Uptime over the trailing windows `[now - window, now)`: each window is measured exactly, a bucket it
/// only partly covers counts with the covered fraction (see `ComponentHistory`, `ObservationTally`).
/// Windows only see what the snapshot carries (`StoreSnapshot.days` of daily rollups). `since` is the start of
/// the data when it is younger than the longest window, so a page can say what a window really covers.
enum UptimeWindowsBuilder {
    static func windows(
        _ history: some ComponentObservations, timeline: ComponentTimeline, weights: UptimeWeights, now: Date
    ) -> UptimeWindows {
        func percent(days: Double) -> Double? {
            let window = Span(start: now.addingTimeInterval(-days * 86_400), end: now)
            return history.tally(window, timeline: timeline, weights: weights).percent
        }
        let since = history.coverageStart.flatMap { $0 > now.addingTimeInterval(-90 * 86_400) ? $0 : nil }
        return UptimeWindows(h24: percent(days: 1), d7: percent(days: 7), d30: percent(days: 30),
                             d60: percent(days: 60), d90: percent(days: 90), since: since)
    }
}
