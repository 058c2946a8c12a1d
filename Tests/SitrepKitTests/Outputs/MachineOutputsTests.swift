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
