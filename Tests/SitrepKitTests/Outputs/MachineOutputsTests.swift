import Foundation
import Testing
@testable import SitrepKit

@Suite("Outputs: every file")
struct OutputsFileSetTests {
    @Test("the output set is exactly the documented layout")
    func layout() throws {
        let paths = Set(try OutputFiles().files.keys)
        var expected: Set<String> = [
            "api/v2/summary.json", "api/v2/status.json", "api/v2/components.json", "api/v2/incidents.json",
            "api/v2/incidents/unresolved.json", "api/v2/scheduled-maintenances.json",
            "api/v2/scheduled-maintenances/upcoming.json", "api/v2/scheduled-maintenances/active.json",
            "api/v1/status.json", "api/v1/incidents.json", "api/v1/maintenance.json",
            "history.rss", "history.atom", "maintenance.ics",
        ]
        for id in ["api", "web", "db", "search", "legacy"] {
            expected.formUnion(["api/v1/components/\(id).json", "components/\(id).rss", "badges/\(id).svg",
                                "badges/\(id)-uptime.svg"])
        }
        #expect(paths == expected)
    }

    @Test("the same model renders byte-identical files")
    func deterministic() throws {
        let first = try OutputFiles().files
        let second = try OutputFiles().files
        #expect(first == second)
    }

    @Test("hostile strings never appear as markup in any output")
    func injection() throws {
        for (path, data) in try OutputFiles().files {
            let text = try #require(String(data: data, encoding: .utf8), "\(path) is not UTF-8")
            #expect(!text.lowercased().contains("<script"), "raw <script in \(path)")
        }
    }

    @Test("api/v1 and the feeds carry a body's Markdown or a link to its page, never its HTML again")
    func bodiesAreNotRepeated() throws {
        let outputs = try OutputFiles()
        let incident = try #require(try outputs.list("api/v1/incidents.json", "incidents").first { $0["id"] as? String == "db-failover" })
        #expect(incident["body"] as? String == "Postmortem.")
        #expect(incident["body_html"] == nil)
        let updates = try #require(incident["updates"] as? [[String: Any]])
        #expect(updates.first?["message"] as? String == "Fixed.")
        #expect(updates.allSatisfy { $0["message_html"] == nil })
        let window = try #require(try outputs.list("api/v1/maintenance.json", "maintenance").first)
        #expect(window.keys.contains("body") && !window.keys.contains("body_html"))
        for path in ["history.rss", "history.atom", "components/db.rss"] {
            let feed = try outputs.text(path)
            #expect(!feed.contains("Postmortem."), "\(path) repeats the body")
            #expect(feed.contains("&lt;a href=&quot;https://status.example.com/incidents/db-failover.html&quot;&gt;Details on the status page"),
                    "\(path) does not link the body")
            // The update timeline stays in the feed.
            #expect(feed.contains("Watching."), "\(path) lost the timeline")
        }
        // An event without a body gets no link.
        #expect(!(try outputs.text("history.rss")).contains("incidents/search-slow.html&quot;&gt;Details"))
    }

    @Test("cancelled maintenance is left out of api/v2 but shown in the feeds, the calendar and api/v1")
    func cancelled() throws {
        let outputs = try OutputFiles()
        for (path, data) in outputs.files where path.hasPrefix("api/v2/") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("cancelled-migration"), "cancelled window in \(path)")
            #expect(!text.contains("\"cancelled\""), "cancelled state in \(path)")
        }
        #expect(try outputs.text("history.rss").contains("[Cancelled] Region migration"))
        #expect(try outputs.text("history.atom").contains("maintenance/cancelled-migration.html"))
        #expect(try outputs.text("components/db.rss").contains("[Cancelled] Region migration"))
        #expect(try outputs.text("maintenance.ics").contains("UID:cancelled-migration@status.example.com\r\n"))
        let v1 = try outputs.list("api/v1/maintenance.json", "maintenance")
        let window = try #require(v1.first { $0["id"] as? String == "cancelled-migration" })
        #expect(window["state"] as? String == "cancelled")
    }
}
