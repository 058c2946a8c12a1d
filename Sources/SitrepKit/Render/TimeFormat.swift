import Foundation

/// A moment as pages show it: machine-readable UTC in `datetime`, human-readable in the site's time zone.
struct TimeView {
    /// ISO 8601 UTC, for `<time datetime>`.
    var iso: String
    /// For example `20 Nov 2026, 10:12 GMT+1`.
    var text: String
    /// Only the day, for example `20 Nov 2026`.
    var day: String
}

/// Formats dates for one render in the site's time zone. Not shared across renders.
final class TimeFormat {
    private let full = DateFormatter()
    private let dayOnly = DateFormatter()
    private let clock = DateFormatter()
    private let month = DateFormatter()
    private let zone: TimeZone
    let calendar: Calendar
    /// Zone names by UTC offset: asking ICU for an abbreviation is slow, and a site has one or two offsets.
    private var zoneNames: [Int: String] = [:]
    /// Views made so far: the response-time tables of a site's checks share their hours (24,000 rows, 48 times).
    private var views: [Date: TimeView] = [:]

    private let words: DateWords

    /// Dates in the words of `strings`, or in English (feeds and calendars) without.
    init(timeZone: TimeZone, strings: UIStrings? = nil) {
        zone = timeZone
        words = strings.map { DateWords($0) } ?? .english
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        for (formatter, format) in [(full, "d MMM yyyy, HH:mm"), (dayOnly, "d MMM yyyy"), (clock, "d MMM HH:mm"), (month, "MMMM yyyy")] {
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.calendar = calendar
            formatter.timeZone = timeZone
            formatter.dateFormat = format
        }
    }

    func view(_ date: Date) -> TimeView {
        if let known = views[date] { return known }
        let view = makeView(date)
        views[date] = view
        return view
    }

    private func makeView(_ date: Date) -> TimeView {
        let offset = zone.secondsFromGMT(for: date)
        let zoneText = zoneName(at: date, offset: offset)
        guard let local = localTime(date, offset: offset) else {
            return TimeView(iso: Self.iso(date), text: "\(full.string(from: date)) \(zoneText)", day: dayOnly.string(from: date))
        }
        // `20 Nov 2026, 10:12 GMT+1`, written as bytes: a build shows tens of thousands of times, and
        // interpolating the pieces cost more than the rest of making a time view.
        let day = dayBytes(local, zone: zoneText)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24 + zoneText.utf8.count)
        words.time.append(local, zone: zoneText, dayText: day, words: words, to: &bytes)
        return TimeView(iso: Self.iso(date), text: String(decoding: bytes, as: UTF8.self), day: String(decoding: day, as: UTF8.self))
    }

    /// The wall-clock fields of `date` in the site's zone, whose UTC offset then is `offset`: what the `full`
    /// and `dayOnly` formatters print, without asking ICU to format (a build shows tens of thousands of times).
    /// nil outside years 1900...9999, where the formatters' own calendar rules are left to decide.
    private func localTime(_ date: Date, offset: Int) -> CivilTime? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 1e12 else { return nil }
        let local = CivilTime(unixSeconds: Int64(seconds) + Int64(offset))
        return (1900...9999).contains(local.year) ? local : nil
    }

    func view(_ date: Date?) -> TimeView? { date.map { view($0) } }

    /// Only the day of `date` in the site's zone and language (`20 Nov 2026`), as `view(_:).day`, without
    /// the rest: every daily bar of every component names its day.
    func dayText(_ date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        guard let local = localTime(date, offset: offset) else { return dayOnly.string(from: date) }
        return String(decoding: dayBytes(local, zone: zoneName(at: date, offset: offset)), as: UTF8.self)
    }

    /// `20 Nov 2026` for the wall-clock fields `local`, in the language's day pattern.
    private func dayBytes(_ local: CivilTime, zone: String) -> [UInt8] {
        var day: [UInt8] = []
        day.reserveCapacity(16)
        words.day.append(local, zone: zone, words: words, to: &day)
        return day
    }

    /// Short label for chart axes: `20 Nov 10:00`.
    func short(_ date: Date) -> String { written(date, words.axis) ?? clock.string(from: date) }

    /// Month heading of history lists: `November 2026`.
    func monthHeading(_ date: Date) -> String { written(date, words.monthHeading) ?? month.string(from: date) }

    private func written(_ date: Date, _ pattern: DatePattern) -> String? {
        guard let local = localTime(date, offset: zone.secondsFromGMT(for: date)) else { return nil }
        var bytes: [UInt8] = []
        pattern.append(local, zone: "", words: words, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The zone's name at `date`, whose UTC offset is `offset`.
    private func zoneName(at date: Date, offset: Int) -> String {
        if let known = zoneNames[offset] { return known }
        let name = offset == 0 && (zone.identifier == "GMT" || zone.identifier == "UTC")
            ? "UTC" : zone.abbreviation(for: date) ?? zone.identifier
        zoneNames[offset] = name
        return name
    }

    /// `2026-11-20T09:12:00Z`.
    static func iso(_ date: Date) -> String { Timestamp.seconds(date) }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension TimeView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "iso": .of(iso)
        case "text": .of(text)
        case "day": .of(day)
        default: .none
        }
    }
}
