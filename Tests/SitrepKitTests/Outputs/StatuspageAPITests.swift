import Foundation
import Testing
@testable import SitrepKit

@Suite("Outputs: Statuspage API v2")
struct OutputsStatuspageAPITests {
    @Test("summary.json carries each component's status, the groups and the page indicator")
    func summaryStatuses() throws {
        let outputs = try OutputFiles()
        let summary = try outputs.json("api/v2/summary.json")
        let status = try #require(summary["status"] as? [String: Any])
        #expect(status["indicator"] as? String == "major")
        #expect(status["description"] as? String == "Partial System Outage")
        let components = try outputs.list("api/v2/summary.json", "components")
        let statuses = Dictionary(uniqueKeysWithValues: components.compactMap { object in
            (object["id"] as? String).map { ($0, object["status"] as? String ?? "") }
        })
        #expect(statuses == [
            "core": "major_outage", "api": "major_outage", "web": "degraded_performance",
            "data": "under_maintenance", "db": "under_maintenance", "search": "partial_outage",
            // Stale: Statuspage has no "no recent data", so v2 keeps the model's status.
            "legacy": "operational",
        ])
        #expect(components.compactMap { $0["id"] as? String } == ["core", "api", "web", "data", "db", "search", "legacy"])
        #expect(components.compactMap { $0["position"] as? Int } == Array(1...7))
        let core = try #require(components.first { $0["id"] as? String == "core" })
        #expect(core["group"] as? Bool == true)
        #expect(core["components"] as? [String] == ["api", "web"])
        let api = try #require(components.first { $0["id"] as? String == "api" })
        #expect(api["group_id"] as? String == "core")
        #expect(api["group"] as? Bool == false)
        #expect(api["created_at"] as? String == "2026-05-04T12:00:00.000Z")
        #expect(try outputs.ids("api/v2/summary.json", "incidents") == ["search-slow"])
        #expect(try outputs.ids("api/v2/summary.json", "scheduled_maintenances") == ["db-upgrade", "next-upgrade"])
        let page = try #require(summary["page"] as? [String: Any])
        #expect(page["url"] as? String == "https://status.example.com")
        #expect(page["time_zone"] as? String == "Europe/Berlin")
        #expect(page["updated_at"] as? String == "2026-11-20T12:00:00.000Z")
    }

    @Test("unresolved, upcoming and active lists hold only what their names say")
    func filtering() throws {
        let outputs = try OutputFiles()
        #expect(try outputs.ids("api/v2/incidents.json", "incidents") == ["search-slow", "db-failover"])
        #expect(try outputs.ids("api/v2/incidents/unresolved.json", "incidents") == ["search-slow"])
        #expect(try outputs.ids("api/v2/scheduled-maintenances/upcoming.json", "scheduled_maintenances") == ["next-upgrade"])
        #expect(try outputs.ids("api/v2/scheduled-maintenances/active.json", "scheduled_maintenances") == ["db-upgrade"])
        #expect(try outputs.ids("api/v2/scheduled-maintenances.json", "scheduled_maintenances")
                == ["next-upgrade", "db-upgrade", "old-cleanup", "ancient"])
        let statuses = try outputs.list("api/v2/scheduled-maintenances.json", "scheduled_maintenances")
            .compactMap { $0["status"] as? String }
        #expect(statuses == ["scheduled", "in_progress", "completed", "completed"])
    }

    @Test("an incident has Statuspage's fields: shortlink, plain-text bodies, stable update ids, affected components")
    func incidentFields() throws {
        let incidents = try OutputFiles().list("api/v2/incidents.json", "incidents")
        let failover = try #require(incidents.first { $0["id"] as? String == "db-failover" })
        #expect(failover["shortlink"] as? String == "https://status.example.com/incidents/db-failover.html")
        #expect(failover["impact"] as? String == "critical")
        #expect(failover["resolved_at"] as? String == "2026-11-19T12:00:00.000Z")
        #expect(failover["monitoring_at"] as? String == "2026-11-19T09:36:00.000Z")
        let updates = try #require(failover["incident_updates"] as? [[String: Any]])
        #expect(updates.compactMap { $0["id"] as? String } == ["db-failover-3", "db-failover-2", "db-failover-1"])
        #expect(updates.compactMap { $0["status"] as? String } == ["resolved", "monitoring", "investigating"])
        #expect(updates.compactMap { $0["body"] as? String } == ["Fixed.", "Watching.", "Down."])
        let opened = try #require(updates.last?["affected_components"] as? [[String: Any]])
        #expect(opened.compactMap { $0["new_status"] as? String } == ["major_outage", "major_outage"])
        #expect(updates[1]["affected_components"] is NSNull)
        let components = try #require(failover["components"] as? [[String: Any]])
        #expect(components.compactMap { $0["id"] as? String } == ["api", "db"])
        let search = try #require(incidents.first { $0["id"] as? String == "search-slow" })
        let body = try #require((search["incident_updates"] as? [[String: Any]])?.first?["body"] as? String)
        #expect(body == "Reindexing. \(OutputsFixture.hostile)")
    }

    @Test("a maintenance window without updates still has its announcement as an update")
    func maintenanceAnnouncement() throws {
        let list = try OutputFiles().list("api/v2/scheduled-maintenances/upcoming.json", "scheduled_maintenances")
        let upgrade = try #require(list.first)
        #expect(upgrade["impact"] as? String == "maintenance")
        #expect(upgrade["scheduled_for"] as? String == "2026-11-27T12:00:00.000Z")
        #expect((upgrade["incident_updates"] as? [[String: Any]])?.first?["status"] as? String == "scheduled")
    }

    @Test("incidents.json and scheduled-maintenances.json hold the 50 most recent")
    func listCap() throws {
        var model = OutputsFixture.model
        let template = OutputsFixture.incidents[1]
        model.incidents = (0..<60).map { index in
            var incident = template
            incident.id = "incident-\(index)"
            return incident
        }
        let window = OutputsFixture.maintenance[3]
        model.maintenance = (0..<60).map { index in
            var copy = window
            copy.id = "window-\(index)"
            return copy
        }
        let outputs = try OutputFiles(model)
        let incidents = try outputs.ids("api/v2/incidents.json", "incidents")
        #expect(incidents == (0..<50).map { "incident-\($0)" })
        let windows = try outputs.ids("api/v2/scheduled-maintenances.json", "scheduled_maintenances")
        #expect(windows == (0..<50).map { "window-\($0)" })
        #expect(try outputs.list("api/v1/incidents.json", "incidents").count == 60)
    }

    @Test("the page id and update ids are stable and derived from content, not from the build")
    func stableIDs() throws {
        var later = OutputsFixture.model
        later.generatedAt = OutputsFixture.days(1)
        let first = try #require(try OutputFiles().json("api/v2/status.json")["page"] as? [String: Any])
        let second = try #require(try OutputFiles(later).json("api/v2/status.json")["page"] as? [String: Any])
        #expect(first["id"] as? String == second["id"] as? String)
        #expect((first["id"] as? String)?.count == 12)
    }

    @Test("a new update keeps the ids of the older updates and of the feed item")
    func idsSurviveUpdates() throws {
        var model = OutputsFixture.model
        model.incidents[0].updates.insert(
            IncidentUpdateModel(at: OutputsFixture.hours(-0.5), status: .monitoring, message: "Better.",
                                messageHTML: "<p>Better.</p>"), at: 0)
        model.incidents[0].status = .monitoring
        func updateIDs(_ outputs: OutputFiles) throws -> [String] {
            let incident = try #require(try outputs.list("api/v2/incidents.json", "incidents").first)
            return try #require(incident["incident_updates"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        }
        #expect(try updateIDs(OutputFiles()) == ["search-slow-2", "search-slow-1"])
        #expect(try updateIDs(OutputFiles(model)) == ["search-slow-3", "search-slow-2", "search-slow-1"])
        let guid = "<guid isPermaLink=\"true\">https://status.example.com/incidents/search-slow.html</guid>"
        #expect(try OutputFiles(model).text("history.rss").contains(guid))
        #expect(try OutputFiles(model).text("history.atom").contains("<id>https://status.example.com/incidents/search-slow.html</id>"))
    }
}
