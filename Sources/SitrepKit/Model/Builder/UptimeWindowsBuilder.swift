import Foundation

/// Uptime over the trailing windows `[now - window, now)`: each window is measured exactly, a bucket it
/// only partly covers counts with the covered fraction (see `ComponentHistory`, `ObservationTally`).
/// Windows only see what the snapshot carries (`StoreSnapshot.days` of daily rollups).
enum UptimeWindowsBuilder {
    static func windows(
        _ history: ComponentHistory, timeline: ComponentTimeline, weights: UptimeWeights, now: Date
    ) -> UptimeWindows {
        func percent(days: Double) -> Double? {
            let window = Span(start: now.addingTimeInterval(-days * 86_400), end: now)
            return history.tally(window, timeline: timeline, weights: weights).percent
        }
        return UptimeWindows(h24: percent(days: 1), d7: percent(days: 7), d30: percent(days: 30),
                             d60: percent(days: 60), d90: percent(days: 90))
    }
}
