import Foundation

/// One bar per local day of `site.history_days`, oldest first, the last one being the day holding `now`
/// in `site.timezone`. A local day straddles two UTC days: where the snapshot has hourly rollups the day
/// is measured by the hour, before that UTC daily rollups are apportioned by overlap (see
/// `ComponentHistory`). Every day is cut at `now`.
///
/// - `uptime`: as for the uptime windows; nil when the day has no observation.
/// - `worstStatus`: the worst effective status observed, and the worst the content gives any part of the
///   day (`under_maintenance` for a maintenance day, an open incident's status), so a declared outage
///   shows even without probe data; nil when there is neither data nor content.
/// - `incidentIDs`: incidents naming the component and open at some time of the day, newest first.
/// - `maintenanceMinutes`: minutes of the day (until `now`) inside a window naming the component.
enum DailyBarsBuilder {
    struct Day: Sendable, Hashable {
        var date: String
        var span: Span
    }

    /// The last `count` local days up to the one holding `now`, oldest first.
    static func days(count: Int, endingAt now: Date, in timeZone: TimeZone) -> [Day] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        return (0..<max(0, count)).reversed().compactMap { back -> Day? in
            guard let start = calendar.date(byAdding: .day, value: -back, to: today),
                  let end = calendar.date(byAdding: .day, value: 1, to: start)
            else { return nil }
            let parts = calendar.dateComponents([.year, .month, .day], from: start)
            let date = CivilTime.date(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, separator: "-")
            return Day(date: date, span: Span(start: start, end: end))
        }
    }

    /// `incidents`: the incidents naming the component, newest first.
    static func bars(
        days: [Day], history: some ComponentObservations, timeline: ComponentTimeline, incidents: [Incident],
        weights: UptimeWeights, now: Date
    ) -> [DailyBar] {
        days.map { day in
            let passed = Span(start: day.span.start, end: min(day.span.end, now))
            let tally = history.tally(passed, timeline: timeline, weights: weights)
            let segments = timeline.segments(in: passed)
            let contentWorst = segments.map(\.contentStatus).filter { $0 != .operational }
                .max { $0.severity < $1.severity }
            let worst = [tally.worst, contentWorst].compactMap { $0 }.max { $0.severity < $1.severity }
            let maintenance = segments.filter(\.inMaintenance).map(\.span.duration).reduce(0, +)
            return DailyBar(
                date: day.date, start: day.span.start, uptime: tally.percent, worstStatus: worst,
                incidentIDs: incidents.filter { $0.openSpan.overlaps(day.span) }.map(\.id),
                maintenanceMinutes: maintenance > 0 ? maintenance / 60 : nil)
        }
    }
}
