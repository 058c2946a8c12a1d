import Foundation

/// SPEC.md's JSON time format: UTC ISO 8601 with milliseconds (`2026-11-20T09:12:00.000Z`).
public enum Timestamp {
    public static func json(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds.floorDivided(by: 1000)
        let millis = Int(milliseconds - seconds * 1000)
        let civil = CivilTime(unixSeconds: seconds)
        if let text = civil.iso(milliseconds: millis) { return text }
        return "\(civil.date(separator: "-"))T\(civil.clock(separator: ":")).\(DecimalText.padded(millis, width: 3))Z"
    }

    /// UTC ISO 8601 to the second (`2026-11-20T09:12:00Z`), as in `<time datetime>`.
    public static func seconds(_ date: Date) -> String {
        let civil = CivilTime(unixSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
        if let text = civil.iso(milliseconds: nil) { return text }
        return "\(civil.date(separator: "-"))T\(civil.clock(separator: ":"))Z"
    }

    /// The instants sitrep accepts and writes: 1970-01-01T00:00:00Z up to (excluding) 10000-01-01T00:00:00Z, so
    /// every time it publishes has a four-digit year and none lies before the Unix epoch the store counts from.
    public static let supportedRange = Date(timeIntervalSince1970: 0)..<Date(timeIntervalSince1970: 253_402_300_800)

    /// What to say of a time outside `supportedRange`.
    public static let supportedRangeText = "between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"

    /// Parses the JSON form back (and plain ISO 8601 with `Z` or an offset, with or without fractions).
    public static func parse(_ text: String) -> Date? {
        let withFractions = ISO8601DateFormatter()
        withFractions.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFractions.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }
}

/// Proleptic Gregorian calendar fields of a UTC instant, computed without Foundation's calendars
/// (fast and allocation-free for the many timestamps a build writes).
struct CivilTime {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    init(unixSeconds: Int64) {
        let days = unixSeconds.floorDivided(by: 86_400)
        let secondsOfDay = Int(unixSeconds - days * 86_400)
        hour = secondsOfDay / 3600
        minute = secondsOfDay % 3600 / 60
        second = secondsOfDay % 60
        // Howard Hinnant's days-from-civil inverse.
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

extension CivilTime {
    /// Days from 1970-01-01 to the proleptic Gregorian date (Howard Hinnant's days-from-civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// How many days `month` (1...12) of `year` has.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2026-11-20` (or `20261120` with an empty separator): four-digit year, two-digit month and day.
    static func date(year: Int, month: Int, day: Int, separator: String) -> String {
        DecimalText.padded(year, width: 4) + separator + DecimalText.padded(month, width: 2) + separator
            + DecimalText.padded(day, width: 2)
    }

    func date(separator: String) -> String { Self.date(year: year, month: month, day: day, separator: separator) }

    /// `2026-11-20T09:12:00Z`, or with `milliseconds` `2026-11-20T09:12:00.000Z`, written byte by byte into the
    /// string (a build writes hundreds of thousands of them); nil for a year outside 0...9999, which the
    /// general formatting above handles.
    func iso(milliseconds: Int?) -> String? {
        guard (0...9999).contains(year) else { return nil }
        let length = milliseconds == nil ? 20 : 24
        return String(unsafeUninitializedCapacity: length) { bytes in
            // Every field is in range here (the year was checked), so none is negative or too wide.
            func put(_ value: Int, digits: Int, at start: Int) {
                DecimalText.writeDigits(UInt(value), count: digits, into: bytes, at: start)
            }
            put(year, digits: 4, at: 0)
            bytes[4] = UInt8(ascii: "-")
            put(month, digits: 2, at: 5)
            bytes[7] = UInt8(ascii: "-")
            put(day, digits: 2, at: 8)
            bytes[10] = UInt8(ascii: "T")
            put(hour, digits: 2, at: 11)
            bytes[13] = UInt8(ascii: ":")
            put(minute, digits: 2, at: 14)
            bytes[16] = UInt8(ascii: ":")
            put(second, digits: 2, at: 17)
            if let milliseconds {
                bytes[19] = UInt8(ascii: ".")
                put(milliseconds, digits: 3, at: 20)
            }
            bytes[length - 1] = UInt8(ascii: "Z")
            return length
        }
    }

    /// `09:12:00` (or `091200`): two digits each.
    func clock(separator: String) -> String {
        DecimalText.padded(hour, width: 2) + separator + DecimalText.padded(minute, width: 2) + separator
            + DecimalText.padded(second, width: 2)
    }
}
