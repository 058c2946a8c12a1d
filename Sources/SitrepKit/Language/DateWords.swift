/// How a language writes dates: month names and the patterns of `TimeFormat` (`date.*` in a language file).
/// Pattern fields: `{d}` day, `{mon}` short month, `{month}` month, `{yyyy}` year, `{HH}` `{mm}` 24-hour clock,
/// `{zone}` the time zone, and in `date.time` `{day}`, the day as `date.day` writes it.
struct DateWords: Sendable {
    var months: [String]
    var shortMonths: [String]
    var day: DatePattern
    var time: DatePattern
    var axis: DatePattern
    var monthHeading: DatePattern

    /// What feeds and calendars use, whatever the site's language: `20 Nov 2026, 10:12 UTC`.
    static let english = DateWords(
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        day: DatePattern("{d} {mon} {yyyy}"), time: DatePattern("{day}, {HH}:{mm} {zone}"),
        axis: DatePattern("{d} {mon} {HH}:{mm}"), monthHeading: DatePattern("{month} {yyyy}"))

    init(months: [String], shortMonths: [String], day: DatePattern, time: DatePattern, axis: DatePattern, monthHeading: DatePattern) {
        self.months = months
        self.shortMonths = shortMonths
        self.day = day
        self.time = time
        self.axis = axis
        self.monthHeading = monthHeading
    }

    init(_ strings: UIStrings) {
        self.init(months: strings.months(short: false), shortMonths: strings.months(short: true),
                  day: DatePattern(strings["date.day"]), time: DatePattern(strings["date.time"]),
                  axis: DatePattern(strings["date.axis"]), monthHeading: DatePattern(strings["date.month_heading"]))
    }
}

/// A date pattern read once into its pieces, so that writing a date is appending bytes.
struct DatePattern: Sendable {
    enum Piece: Sendable {
        case text([UInt8]), day, shortMonth, month, year, hour, minute, zone, dayText
    }

    let pieces: [Piece]

    init(_ pattern: String) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += Array(rest[..<open].utf8)
            let field: Piece? = switch rest[rest.index(after: open)..<close] {
            case "d": .day
            case "mon": .shortMonth
            case "month": .month
            case "yyyy": .year
            case "HH": .hour
            case "mm": .minute
            case "zone": .zone
            case "day": .dayText
            default: nil
            }
            if let field {
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = []
                pieces.append(field)
            } else {
                literal += Array(rest[open...close].utf8)
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += Array(rest.utf8)
        if !literal.isEmpty { pieces.append(.text(literal)) }
        self.pieces = pieces
    }

    /// Appends the date `time` written by this pattern; `dayText` fills `{day}`.
    func append(_ time: CivilTime, zone: String, dayText: [UInt8] = [], words: DateWords, to bytes: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .text(let text): bytes += text
            case .day: DecimalText.append(UInt(time.day), to: &bytes)
            case .shortMonth: bytes += Array(words.shortMonths[time.month - 1].utf8)
            case .month: bytes += Array(words.months[time.month - 1].utf8)
            case .year: DecimalText.append(UInt(time.year), to: &bytes)
            case .hour: DecimalText.appendPadded(UInt(time.hour), width: 2, to: &bytes)
            case .minute: DecimalText.appendPadded(UInt(time.minute), width: 2, to: &bytes)
            case .zone: bytes += Array(zone.utf8)
            case .dayText: bytes += dayText
            }
        }
    }
}
