import Foundation

/// Every word a reader sees, in the site's language: the theme's `i18n/en.yml` under the chosen language's file,
/// under the site's own overrides of single keys (`LanguageLoader`). A key missing from a language is English.
/// Texts hold `{name}` placeholders, filled by `text(_:_:)` (or, in templates, by the view's value `name`).
public struct UIStrings: Sendable {
    /// The language whose file was chosen (`en`, `de`).
    public let language: String
    private let texts: [String: String]

    init(language: String, texts: [String: String]) {
        self.language = language
        self.texts = texts
    }

    /// Every key, sorted.
    var keys: [String] { texts.keys.sorted() }

    func has(_ key: String) -> Bool { texts[key] != nil }

    /// The text of `key`; the key itself if the English file lacks it too (`check` reports such a theme).
    subscript(key: String) -> String { texts[key] ?? key }

    /// The text of `key` with each `{name}` replaced by its value.
    func text(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        Self.fill(self[key], values)
    }

    /// `pattern` with each `{name}` replaced by its value, in one pass: a value holding `{name}` (an incident's
    /// title) is never filled in again. A `{name}` without a value stays as it is. The search runs over the UTF-8
    /// bytes (`{` and `}` never occur inside a multi-byte character): walking them by `Character` was a tenth of
    /// a full build's CPU while every one of the 45,000 daily bars had its title filled.
    static func fill(_ pattern: String, _ values: KeyValuePairs<String, String>) -> String {
        let utf8 = pattern.utf8
        guard var open = utf8.firstIndex(of: UInt8(ascii: "{")) else { return pattern }
        var result = ""
        var copied = utf8.startIndex
        while let close = utf8[open...].firstIndex(of: UInt8(ascii: "}")) {
            let name = utf8[utf8.index(after: open)..<close]
            if let value = values.first(where: { $0.key.utf8.elementsEqual(name) })?.value {
                result += pattern[copied..<open]
                result += value
                copied = utf8.index(after: close)
            }
            guard let next = utf8[utf8.index(after: close)...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        result += pattern[copied...]
        return result
    }

    /// `99.95%` (`99,95 %` in German), truncated as `NumberFormat.uptime`; `number.no_data` for nil.
    func uptime(_ value: Double?) -> String {
        guard let value, value.isFinite else { return self["number.no_data"] }
        return percent(NumberFormat.uptime(value))
    }

    /// An English percentage such as `NumberFormat.uptime` writes (`99.95%`) in this language: its decimal sign,
    /// in its `number.percent` pattern (`{n} %`).
    func percent(_ english: String) -> String {
        guard english.hasSuffix("%") else { return english }
        let number = english.dropLast()
        let decimal = self["number.decimal"]
        guard decimal != ".", let point = number.utf8.firstIndex(of: UInt8(ascii: ".")) else {
            return text("number.percent", ["n": String(number)])
        }
        // `NumberFormat.uptime` writes at most one point.
        return text("number.percent", ["n": number[..<point] + decimal + number[number.utf8.index(after: point)...]])
    }

    /// `2 h 15 min`, `45 min`, `3 d 4 h` (`3 Tg. 4 Std.`).
    func duration(minutes total: Int) -> String {
        let minutes = max(total, 0)
        let days = minutes / 1440, hours = (minutes % 1440) / 60, rest = minutes % 60
        if days > 0 {
            return hours > 0 ? text("duration.days_hours", ["days": "\(days)", "hours": "\(hours)"]) : text("duration.days", ["days": "\(days)"])
        }
        if hours > 0 {
            return rest > 0 ? text("duration.hours_minutes", ["hours": "\(hours)", "minutes": "\(rest)"])
                : text("duration.hours", ["hours": "\(hours)"])
        }
        return text("duration.minutes", ["minutes": "\(rest)"])
    }

    /// `1 day`, `90 days`.
    func days(_ count: Int) -> String {
        count == 1 ? text("number.one_day", ["n": "1"]) : text("number.days", ["n": "\(count)"])
    }

    /// The twelve month names (`date.months.jan` …) or their short forms (`date.months_short.jan` …).
    func months(short: Bool) -> [String] {
        let prefix = short ? "date.months_short." : "date.months."
        return Self.monthKeys.map { self[prefix + $0] }
    }

    static let monthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
