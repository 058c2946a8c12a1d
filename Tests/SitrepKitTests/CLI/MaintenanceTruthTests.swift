import Foundation
import Testing
@testable import SitrepKit

/// Cancelled maintenance and how feeds and the calendar speak of maintenance, as a user meets them: content
/// files, `sitrep build`, the published files read back.
@Suite("Maintenance: cancelled windows, feed dates, calendar text, time zone names")
struct MaintenanceTruthTests {
    static let now = "2026-11-20T12:00:00Z"

    static let config = """
    site:
      title: Maintenance Truth
      url: https://status.truth.test
      timezone: America/New_York
      refresh_seconds: 0
    groups:
      - {id: core, name: Core}
    components:
      - {id: db, name: Database, group: core}
      - {id: web, name: Website, group: core}
    """

    /// A window in progress at `now` that an update (American spelling) called off, and two future windows:
    /// one announced by an update an hour ago, one without updates.
    static func site() throws -> FixtureSite {
        let site = try FixtureSite(config: config)
        try site.write("content/maintenance/db-upgrade.md", """
        ---
        title: Database upgrade
        components: [db]
        scheduled_for: 2026-11-20T11:00:00Z
        scheduled_until: 2026-11-20T13:00:00Z
        updates:
          - at: 2026-11-20T10:30:00Z
            status: canceled
            message: Called **off**, see [the notes](https://example.com/notes); back later.
          - at: 2026-11-19T09:00:00Z
            status: scheduled
            message: Planned.
        ---
        """)
        try site.write("content/maintenance/web-move.md", """
        ---
        title: Website move
        components: [web]
        scheduled_for: 2026-11-25T08:00:00Z
        scheduled_until: 2026-11-25T09:00:00Z
        updates:
          - at: 2026-11-20T11:00:00Z
            status: scheduled
            message: "We *move* the website."
        ---
        """)
        try site.write("content/maintenance/web-certs.md", """
        ---
        title: Certificate rotation
        components: [web]
        scheduled_for: 2026-11-26T08:00:00Z
        scheduled_until: 2026-11-26T09:00:00Z
        ---
        """)
        return site
    }

    func json(_ site: FixtureSite, _ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(site.read("site/" + path).utf8)) as? [String: Any])
    }

    @Test func aCancelledWindowPutsNothingUnderMaintenanceAnywhere() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.run("check").status == 0)
        let build = try site.run("build", "--now", Self.now)
        #expect(build.status == 0, "\(build.stderr)")

        let summary = try json(site, "api/v2/summary.json")
        let v2 = (summary["components"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "?")=\($0["status"] ?? "?")" }
        #expect(v2.sorted() == ["core=operational", "db=operational", "web=operational"])
        #expect((summary["status"] as? [String: Any])?["indicator"] as? String == "none")
        let v2Windows = (summary["scheduled_maintenances"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!v2Windows.contains("db-upgrade"))
        #expect(try !site.read("site/api/v2/scheduled-maintenances.json").contains("db-upgrade"))

        let own = try json(site, "api/v1/status.json")
        #expect((own["components"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["operational", "operational"])
        #expect((own["active_maintenance"] as? [Any])?.isEmpty == true)
        let windows = try json(site, "api/v1/maintenance.json")["maintenance"] as? [[String: Any]] ?? []
        let cancelled = try #require(windows.first { $0["id"] as? String == "db-upgrade" })
        #expect(cancelled["state"] as? String == "cancelled")
        #expect((cancelled["components"] as? [[String: Any]])?.first?["status"] is NSNull)
        #expect((cancelled["updates"] as? [[String: Any]])?.first?["state"] as? String == "cancelled")

        for page in ["index.html", "maintenance/db-upgrade.html", "components/db.html"] {
            #expect(try !site.read("site/" + page).contains("Under Maintenance"), "\(page)")
        }
        #expect(try site.read("site/maintenance/db-upgrade.html").contains("Cancelled"))
    }

    @Test func feedsDateMaintenanceByWhatWasSaidAndNameTheZoneAsPagesDo() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.run("build", "--now", Self.now).status == 0)
        let atom = try site.read("site/history.atom")
        func entry(_ id: String) throws -> Substring {
            let start = try #require(atom.range(of: "maintenance/\(id).html</id>"))
            let end = try #require(atom.range(of: "</entry>", range: start.upperBound..<atom.endIndex))
            return atom[start.lowerBound..<end.lowerBound]
        }
        // Announced an hour ago: dated then, not at its start five days ahead.
        #expect(try entry("web-move").contains("<updated>2026-11-20T11:00:00.000Z</updated>"))
        #expect(try entry("web-move").contains("<published>2026-11-20T11:00:00.000Z</published>"))
        // No update says when it was announced: the build dates it, never the future.
        #expect(try entry("web-certs").contains("<updated>2026-11-20T12:00:00.000Z</updated>"))
        #expect(try entry("db-upgrade").contains("<updated>2026-11-20T10:30:00.000Z</updated>"))
        let rss = try site.read("site/history.rss")
        #expect(!rss.contains("25 Nov 2026 08:00:00 +0000</pubDate>") && !rss.contains("26 Nov 2026 08:00:00 +0000</pubDate>"))

        // The page and the feed write the update's time alike, zone name included.
        let page = try site.read("site/maintenance/web-move.html")
        let marker = "<time datetime=\"2026-11-20T11:00:00Z\">"
        let text = try #require(page.range(of: marker).map { page[$0.upperBound...].prefix { $0 != "<" } })
        #expect(text.hasSuffix("GMT-5"), "\(text)")
        #expect(atom.contains("&gt;\(text)&lt;/time&gt;"), "the feed writes \(text) as the page does")
    }

    @Test func theCalendarDescriptionIsPlainText() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.run("build", "--now", Self.now).status == 0)
        let ics = try site.read("site/maintenance.ics")
        // Unfold (RFC 5545 §3.1) before reading values.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let descriptions = unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("DESCRIPTION:") }
        let cancelled = try #require(descriptions.first { $0.contains("Called") })
        #expect(cancelled.contains("Called off\\, see the notes (https://example.com/notes)\\; back later."), "\(cancelled)")
        #expect(!cancelled.contains("**") && !cancelled.contains("](") && !cancelled.contains("<"))
        #expect(descriptions.contains { $0.contains("We move the website.") })
        #expect(ics.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}
