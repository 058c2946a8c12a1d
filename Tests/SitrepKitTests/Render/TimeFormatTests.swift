import Foundation
import Testing
@testable import SitrepKit

/// Page times are computed from the zone's UTC offset instead of formatted by ICU; they must read exactly as
/// Foundation's formatter would print them, in zones with half- and quarter-hour offsets and across DST changes.
@Suite struct TimeFormatTests {
    private func formatter(_ pattern: String, _ zone: TimeZone) -> DateFormatter {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = calendar
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"])
    func pageTimesReadAsFoundationFormatsThem(zoneID: String) throws {
        let zone = try #require(TimeZone(identifier: zoneID))
        let format = TimeFormat(timeZone: zone)
        let full = formatter("d MMM yyyy, HH:mm", zone)
        let day = formatter("d MMM yyyy", zone)
        var random = SeededGenerator(state: 2026)
        // Random instants from 1906 to 2096, with fractions of a second, and every 10 minutes around 2026's
        // spring and autumn changes on either side of the equator.
        var dates = (0..<3000).map { _ in
            Date(timeIntervalSince1970: Double(Int64(random.next() % 6_000_000_000) - 2_000_000_000) + 0.75)
        }
        for start in [1_774_396_800.0, 1_775_001_600.0, 1_792_540_800.0, 1_793_750_400.0] {
            dates += (0..<2016).map { Date(timeIntervalSince1970: start + Double($0) * 600) }
        }
        for date in dates {
            let view = format.view(date)
            #expect(view.text.hasPrefix(full.string(from: date) + " "), "\(date)")
            #expect(view.day == day.string(from: date), "\(date)")
        }
    }
}
