import Foundation
import Testing
@testable import SitrepKit

@Suite("Outputs: feeds, calendar and badges")
struct OutputsFeedCalendarBadgeTests {
    @Test("RSS dates are RFC 822 with the right weekday")
    func rfc822() {
        #expect(OutputTime.rfc822(OutputsFixture.now) == "Fri, 20 Nov 2026 12:00:00 +0000")
        #expect(OutputTime.rfc822(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(OutputTime.icalendar(OutputsFixture.now) == "20261120T120000Z")
    }

    @Test("feeds list the history window only, newest first, and component feeds only their items")
    func feedItems() throws {
        let outputs = try OutputFiles()
        let rss = try outputs.text("history.rss")
        #expect(!rss.contains("ancient"))
        let order = ["next-upgrade", "cancelled-migration", "db-upgrade", "search-slow", "db-failover", "old-cleanup"]
        let positions = order.compactMap { rss.range(of: "/\($0).html</guid>")?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        let search = try outputs.text("components/search.rss")
        #expect(search.components(separatedBy: "<item>").count - 1 == 1)
        #expect(try outputs.text("components/legacy.rss").components(separatedBy: "<item>").count == 1)
    }

    @Test("iCalendar text is escaped and folded at 75 octets without splitting UTF-8")
    func icalendarFolding() throws {
        #expect(ICalendarText.escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
        let value = String(repeating: "Wartung für Datenbank – ✓ ", count: 12)
        let folded = ICalendarText.property("DESCRIPTION", text: value)
        #expect(folded.hasSuffix("\r\n"))
        // "\r\n" is a single Character in Swift, so split on it rather than dropping characters.
        let physical = Array(folded.components(separatedBy: "\r\n").dropLast())
        #expect(physical.count > 1)
        for (index, line) in physical.enumerated() {
            #expect(line.utf8.count <= 75)
            if index > 0 { #expect(line.hasPrefix(" ")) }
        }
        let unfolded = physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
        #expect(unfolded == "DESCRIPTION:" + ICalendarText.escape(value))
    }

    @Test("the calendar is reproducible and uses CRLF everywhere")
    func calendar() throws {
        let ics = try OutputFiles().text("maintenance.ics")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 4)
        #expect(ics.contains("DTSTAMP:20261120T120000Z\r\n"))
        #expect(ics.contains("STATUS:CANCELLED\r\n"))
    }

    @Test("badges: status words, stale and no-data variants, uptime rounded down")
    func badges() throws {
        let outputs = try OutputFiles()
        #expect(try outputs.text("badges/api.svg").contains("aria-label=\"Public API: major outage\""))
        #expect(try outputs.text("badges/legacy.svg").contains(">no recent data</text>"))
        #expect(try outputs.text("badges/legacy-uptime.svg").contains(">no data</text>"))
        #expect(try outputs.text("badges/search-uptime.svg").contains(">99.99%</text>"))
        #expect(ComponentBadges.uptimeText(99.999) == "99.99%")
        #expect(ComponentBadges.uptimeText(100) == "100%")
        #expect(ComponentBadges.uptimeText(99.95) == "99.95%")
    }
}
