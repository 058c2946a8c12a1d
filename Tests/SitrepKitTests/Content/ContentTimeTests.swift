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
