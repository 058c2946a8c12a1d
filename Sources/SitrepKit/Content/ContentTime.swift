import Foundation

/// The times content files carry: ISO 8601 with `Z` or an offset (`2026-11-20T09:15:00Z`,
/// `2026-11-20T10:15:00.250+01:00`), or a wall-clock time read in the site's time zone
/// (`2026-11-20 09:15`, `2026-11-20 09:15:30`, also with `T`). Seconds are optional, a fraction of a second
/// is allowed after them, and an offset may be written `+01:00`, `+0100` or `+01`.
public enum ContentTime {
    /// The instant a text names, or nil when it is not one of the accepted forms or not a real date. Without a
    /// `timeZone` the text must carry `Z` or an offset. The instant may lie outside `Timestamp.supportedRange`:
    /// callers check that, to say so.
    public static func parse(_ text: String, timeZone: TimeZone?) -> Date? {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if scanner.skip(":") {
            guard let value = scanner.number(digits: 2) else { return nil }
            second = value
            if scanner.skip(".") || scanner.skip(",") {
                guard let digits = scanner.digitRun(), !digits.isEmpty, let value = Double("0." + digits) else { return nil }
                fraction = value
            }
        }
        let zone: TimeZone
        var fixedOffset: Int?
        if scanner.isAtEnd, let timeZone {
            zone = timeZone
        } else if let offset = scanner.offsetSeconds(), scanner.isAtEnd, let fixed = TimeZone(secondsFromGMT: offset) {
            zone = fixed
            fixedOffset = offset
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...59).contains(second) else { return nil }
        // With `Z` or an offset (what sitrep writes), the instant is plain arithmetic; the calendar below, which a
        // named zone needs for its daylight-saving rules, cost more than the rest of reading a content file's times.
        if let fixedOffset, (1900...9999).contains(year) {
            guard day <= CivilTime.daysIn(month: month, year: year) else { return nil }
            let days = CivilTime.daysSinceEpoch(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - fixedOffset
            return Date(timeIntervalSince1970: Double(seconds)).addingTimeInterval(fraction)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // Reject 31 February and friends: the calendar would roll them over into the next month.
        guard let date = calendar.date(from: components) else { return nil }
        let check = calendar.dateComponents([.year, .month, .day], from: date)
        guard check.year == year, check.month == month, check.day == day else { return nil }
        return date.addingTimeInterval(fraction)
    }

    /// `2026-11-20T10:15:00+01:00` in `timeZone` (`Z` when the offset is zero): what sitrep writes into
    /// content files, readable in the site's zone and unambiguous. Whole seconds.
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        let whole = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
        let offset = timeZone.secondsFromGMT(for: whole)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        let stamp = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                           parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        guard offset != 0 else { return stamp + "Z" }
        let minutes = abs(offset) / 60
        return stamp + (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// `YYYY-MM-DD` of an instant in a time zone (file names of new incidents).
    public static func day(_ date: Date, timeZone: TimeZone) -> String {
        String(format(date, timeZone: timeZone).prefix(10))
    }
}

/// A cursor over ASCII digits and punctuation for `ContentTime.parse`.
private struct DigitScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// `text` without the whitespace around it: tabs and Unicode space separators, as Foundation's
    /// `CharacterSet.whitespaces` (whose `trimmingCharacters` goes through `NSString` here).
    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        let isSpace = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        let leading = scalars.prefix(while: isSpace).count
        self.scalars = leading == 0 ? scalars : Array(scalars.dropFirst(leading))
    }

    var isAtEnd: Bool { index == scalars.count }

    mutating func skip(_ literal: Unicode.Scalar) -> Bool {
        guard index < scalars.count, scalars[index] == literal else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` ASCII digits.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[index..<index + digits] {
            guard let digit = Self.digit(scalar) else { return nil }
            value = value * 10 + digit
        }
        index += digits
        return value
    }

    /// As many ASCII digits as there are.
    mutating func digitRun() -> String? {
        let start = index
        while index < scalars.count, Self.digit(scalars[index]) != nil { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// `Z`, `+HH:MM`, `+HHMM` or `+HH` (or with `-`), in seconds east of UTC.
    mutating func offsetSeconds() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours <= 23 else { return nil }
        var minutes = 0
        if !isAtEnd {
            _ = skip(":")
            guard let value = number(digits: 2), value <= 59 else { return nil }
            minutes = value
        }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        ("0"..."9").contains(scalar) ? Int(scalar.value - 48) : nil
    }
}
