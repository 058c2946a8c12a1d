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

/// Human-readable times in the site's zone for feed content (`20 Nov 2026, 10:12 GMT+1`). One formatter per
/// render: creating a `DateFormatter` is expensive, and this one is only ever used on one thread.
struct DisplayTime {
    private let formatter: DateFormatter

    init(timeZone: TimeZone) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = "d MMM yyyy, HH:mm zzz"
        self.formatter = formatter
    }

    func callAsFunction(_ date: Date) -> String { formatter.string(from: date) }
}
