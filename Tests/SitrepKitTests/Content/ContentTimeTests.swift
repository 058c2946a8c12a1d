import Foundation
import Testing
@testable import SitrepKit

@Suite struct ContentTimeTests {
    @Test(arguments: [
        ("2026-11-20T09:15:00Z", "2026-11-20T09:15:00Z"),
        ("2026-11-20T11:15:00+02:00", "2026-11-20T09:15:00Z"),
        ("2026-11-20T04:15:00-0500", "2026-11-20T09:15:00Z"),
        ("2026-11-20T10:15+01", "2026-11-20T09:15:00Z"),
        ("2026-11-20t09:15:00z", "2026-11-20T09:15:00Z"),
    ])
    func readsUTCAndOffsets(text: String, expected: String) {
        #expect(ContentTime.parse(text, timeZone: ContentFixture.berlin) == utc(expected))
    }

    @Test func readsFractionalSeconds() throws {
        let date = try #require(ContentTime.parse("2026-11-20T09:15:00.250Z", timeZone: .gmt))
        #expect(abs(date.timeIntervalSince(utc("2026-11-20T09:15:00Z")) - 0.25) < 0.000_1)
        let offset = try #require(ContentTime.parse("2026-11-20T10:15:00.5+01:00", timeZone: .gmt))
        #expect(abs(offset.timeIntervalSince(utc("2026-11-20T09:15:00Z")) - 0.5) < 0.000_1)
    }

    @Test func readsWallClockTimesInTheSiteZone() {
        let berlin = ContentFixture.berlin
        // November: CET, UTC+1.
        #expect(ContentTime.parse("2026-11-20 09:15", timeZone: berlin) == utc("2026-11-20T08:15:00Z"))
        #expect(ContentTime.parse("2026-11-20 09:15:30", timeZone: berlin) == utc("2026-11-20T08:15:30Z"))
        // July: CEST, UTC+2.
        #expect(ContentTime.parse("2026-07-01T12:00", timeZone: berlin) == utc("2026-07-01T10:00:00Z"))
        #expect(ContentTime.parse("2026-11-20 09:15", timeZone: .gmt) == utc("2026-11-20T09:15:00Z"))
    }

    @Test(arguments: ["", "yesterday", "2026-11-20", "2026-02-30 10:00", "2026-13-01T00:00Z", "2026-11-20T24:00Z",
                      "2026-11-20T09:15:00+25:00", "2026-11-20T09:15:00 UTC", "20-11-2026 09:15", "2026-11-20T09:15:00."])
    func rejectsEverythingElse(text: String) {
        #expect(ContentTime.parse(text, timeZone: .gmt) == nil)
    }

    /// Times with `Z` or an offset are computed without a calendar: the same instants as Foundation's Gregorian
    /// calendar gives, invalid days (31 April, 29 February of a common year) refused alike, over a spread of years.
    @Test func offsetTimesAreTheCalendarsInstants() {
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<3_000 {
            let year = Int.random(in: 1900...9999, using: &generator)
            let month = Int.random(in: 1...12, using: &generator), day = Int.random(in: 1...31, using: &generator)
            let hour = Int.random(in: 0...23, using: &generator), minute = Int.random(in: 0...59, using: &generator)
            let second = Int.random(in: 0...59, using: &generator)
            let offsetMinutes = [0, 60, -300, 330, 345, -570, 840, -720].randomElement(using: &generator) ?? 0
            let sign = offsetMinutes < 0 ? "-" : "+"
            let zoneText = offsetMinutes == 0 ? "Z"
                : sign + DecimalText.padded(abs(offsetMinutes) / 60, width: 2) + ":" + DecimalText.padded(abs(offsetMinutes) % 60, width: 2)
            let text = CivilTime.date(year: year, month: month, day: day, separator: "-") + "T"
                + [hour, minute, second].map { DecimalText.padded($0, width: 2) }.joined(separator: ":") + zoneText
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60) ?? .gmt
            let reference = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
                .flatMap { date in calendar.dateComponents([.day], from: date).day == day ? date : nil }
            #expect(ContentTime.parse(text, timeZone: nil) == reference, "\(text)")
            compared += reference == nil ? 0 : 1
        }
        #expect(compared > 2_500)
        #expect(ContentTime.parse("2028-02-29T12:00:00Z", timeZone: nil) == utc("2028-02-29T12:00:00Z"))
        #expect(ContentTime.parse("2100-02-29T12:00:00Z", timeZone: nil) == nil)
        #expect(ContentTime.parse("2026-04-31T12:00:00+02:00", timeZone: nil) == nil)
    }

    /// Tabs and Unicode spaces around a time are ignored, as Foundation's `whitespaces` would; line breaks are not.
    @Test(arguments: [" 2026-11-20T09:15:00Z", "2026-11-20T09:15:00Z\t ", "\u{00A0}2026-11-20T09:15:00Z\u{3000}",
                      "\u{2009}\t2026-11-20T09:15:00Z"])
    func spacesAroundATimeAreIgnored(text: String) {
        #expect(ContentTime.parse(text, timeZone: nil) == utc("2026-11-20T09:15:00Z"))
        #expect(ContentTime.parse(text.trimmingCharacters(in: .whitespaces), timeZone: nil) == utc("2026-11-20T09:15:00Z"))
    }

    @Test func lineBreaksAroundATimeAreNotSpaces() {
        #expect(ContentTime.parse("2026-11-20T09:15:00Z\n", timeZone: nil) == nil)
        #expect(ContentTime.parse("\u{2028}2026-11-20T09:15:00Z", timeZone: nil) == nil)
    }

    @Test func formatsInTheSiteZoneAndReadsBack() {
        let date = utc("2026-11-20T09:15:00Z")
        #expect(ContentTime.format(date, timeZone: ContentFixture.berlin) == "2026-11-20T10:15:00+01:00")
        #expect(ContentTime.format(date, timeZone: .gmt) == "2026-11-20T09:15:00Z")
        let newYork = TimeZone(identifier: "America/New_York") ?? .gmt
        #expect(ContentTime.format(date, timeZone: newYork) == "2026-11-20T04:15:00-05:00")
        #expect(ContentTime.parse(ContentTime.format(date, timeZone: newYork), timeZone: .gmt) == date)
        #expect(ContentTime.day(utc("2026-11-20T23:30:00Z"), timeZone: ContentFixture.berlin) == "2026-11-21")
    }
}
