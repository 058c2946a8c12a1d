import Foundation

/// Time formats of the feed and calendar standards, computed from UTC civil fields (no locale, no clock).
enum OutputTime {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// RSS 2.0 (RFC 822 with a four-digit year): `Fri, 20 Nov 2026 09:12:00 +0000`.
    static func rfc822(_ date: Date) -> String {
        let unix = seconds(date)
        let civil = CivilTime(unixSeconds: unix)
        let dayIndex = Int(unix.floorDivided(by: 86_400) % 7 + 7) % 7
        return "\(weekdays[dayIndex]), \(DecimalText.padded(civil.day, width: 2)) \(months[civil.month - 1]) "
            + "\(DecimalText.padded(civil.year, width: 4)) \(civil.clock(separator: ":")) +0000"
    }

    /// Atom (RFC 3339): the JSON form, which is already UTC with milliseconds.
    static func rfc3339(_ date: Date) -> String { Timestamp.json(date) }

    /// iCalendar UTC date-time (RFC 5545 form #2): `20261120T091200Z`.
    static func icalendar(_ date: Date) -> String {
        let civil = CivilTime(unixSeconds: seconds(date))
        return "\(civil.date(separator: ""))T\(civil.clock(separator: ""))Z"
    }
}

/// Human-readable times in the site's zone for feed content (`20 Nov 2026, 10:12 GMT+1`): the pages' own
/// `TimeFormat`, so a feed names a time, and its zone, exactly as the item's page does. One per render, used on
/// one thread. In the site's language (`strings`) for feeds, in English for notifications.
struct DisplayTime {
    private let format: TimeFormat

    init(timeZone: TimeZone, strings: UIStrings? = nil) {
        format = TimeFormat(timeZone: timeZone, strings: strings)
    }

    func callAsFunction(_ date: Date) -> String { format.view(date).text }
}
