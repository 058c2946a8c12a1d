import Foundation

/// `maintenance.ics`: every scheduled, in-progress and recent (last `history_days`) maintenance window as a
/// VEVENT, cancelled ones with `STATUS:CANCELLED`. Reproducible: DTSTAMP is the build's `generatedAt`.
struct MaintenanceCalendar {
    let model: SiteModel
    let links: SiteLinks
    let strings: UIStrings

    /// The windows the calendar lists, in the model's order (newest first).
    var windows: [MaintenanceModel] {
        model.maintenance.filter { window in
            window.state == .scheduled || window.state == .inProgress || window.scheduledUntil >= model.historyWindowStart
        }
    }

    func render() -> String {
        var ics = ICalendarText.line("BEGIN:VCALENDAR")
        ics += ICalendarText.line("VERSION:2.0")
        ics += ICalendarText.line("PRODID:-//sitrep//sitrep maintenance calendar//EN")
        ics += ICalendarText.line("CALSCALE:GREGORIAN")
        ics += ICalendarText.line("METHOD:PUBLISH")
        ics += ICalendarText.property("X-WR-CALNAME", text: strings.text("calendar.name", ["site": model.site.title]))
        ics += ICalendarText.property("X-WR-CALDESC", text: strings.text("calendar.description", ["site": model.site.title]))
        for window in windows {
            ics += event(window)
        }
        ics += ICalendarText.line("END:VCALENDAR")
        return ics
    }

    func event(_ window: MaintenanceModel) -> String {
        let cancelled = window.state == .cancelled
        let url = links.maintenance(window.id)
        var description: [String] = []
        if cancelled { description.append(strings["feed.cancelled"]) }
        if !window.components.isEmpty {
            description.append(strings.text("calendar.components", ["components": window.components.map(\.name).joined(separator: ", ")]))
        }
        // Plain text: calendar clients show DESCRIPTION as written, so Markdown would show its markup.
        if let latest = window.updates.first?.messageHTML ?? window.bodyHTML {
            let text = HTMLPlainText.text(latest)
            if !text.isEmpty { description.append(text) }
        }
        description.append(url)
        var ics = ICalendarText.line("BEGIN:VEVENT")
        ics += ICalendarText.line("UID:\(window.id)@\(links.host)")
        ics += ICalendarText.line("DTSTAMP:\(OutputTime.icalendar(model.generatedAt))")
        ics += ICalendarText.line("DTSTART:\(OutputTime.icalendar(window.scheduledFor))")
        ics += ICalendarText.line("DTEND:\(OutputTime.icalendar(max(window.scheduledUntil, window.scheduledFor)))")
        ics += ICalendarText.line("CREATED:\(OutputTime.icalendar(window.createdAt))")
        ics += ICalendarText.line("LAST-MODIFIED:\(OutputTime.icalendar(window.updatedAt))")
        // Grows with every published change, so calendar clients replace their copy.
        ics += ICalendarText.line("SEQUENCE:\(window.updates.count + (cancelled ? 1 : 0))")
        ics += ICalendarText.property("SUMMARY", text: cancelled ? strings.text("calendar.cancelled_title", ["title": window.title]) : window.title)
        ics += ICalendarText.property("DESCRIPTION", text: description.joined(separator: "\n\n"))
        ics += ICalendarText.line("URL:\(url)")
        ics += ICalendarText.line("STATUS:\(cancelled ? "CANCELLED" : "CONFIRMED")")
        ics += ICalendarText.line("TRANSP:TRANSPARENT")
        ics += ICalendarText.line("CATEGORIES:MAINTENANCE")
        ics += ICalendarText.line("END:VEVENT")
        return ics
    }
}
