import Foundation
import Testing

/// `sitrep probe --location`, `sitrep export` and `sitrep import` with the built binary: two probe folders and a
/// builder folder standing in for three machines.
@Suite("sitrep export and import", .serialized)
struct LocationsCLITests {
    @Test func segmentsTravelFromTwoLocationsToOneBuiltSite() throws {
        var shipped: [String] = []
        let builder = try FixtureSite(config: CLITests.offlineConfig)
        defer { builder.remove() }
        for name in ["ams", "nyc"] {
            let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
            defer { site.remove() }
            for _ in 0..<2 {
                let probed = try site.run("probe", "--location", name)
                #expect(probed.status == 0, "\(probed.stderr)")
            }
            let exported = try site.run("export", "--to", "out")
            #expect(exported.status == 0, "\(exported.stderr)")
            let file = "\(name).0000000001-0000000002.segment"
            #expect(exported.stdout == "Wrote out/\(file) (location \(name), runs 1-2, 2 runs, 4 results).\n")
            let again = try site.run("export", "--to", "out")
            #expect(again.status == 0 && again.stdout == "Nothing new to export since the last export.\n", "\(again)")
            // The transport: a copy into the builder's inbox.
            try FileManager.default.createDirectory(at: builder.root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: site.root.appendingPathComponent("out/\(file)"),
                                             to: builder.root.appendingPathComponent("inbox/\(file)"))
            shipped.append("inbox/\(file)")
        }

        let imported = try SitrepProcess.run(["import"] + shipped.reversed(), in: builder.root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty)
        let lines = imported.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == ["Imported \(shipped[1]) (2 runs, 4 results).", "Imported \(shipped[0]) (2 runs, 4 results)."])
        #expect(lines.contains { $0.hasPrefix("Location ams: newest run ") && $0.hasSuffix(", reporting.") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Agreed history runs to ") }, "\(lines)")

        let twice = try SitrepProcess.run(["import"] + shipped, in: builder.root)
        #expect(twice.status == 0, "\(twice.stderr)")
        #expect(twice.stdout.hasPrefix("\(shipped[0]) was imported before; nothing changed.\n"), "\(twice.stdout)")

        let whole = try Data(contentsOf: builder.root.appendingPathComponent(shipped[0]))
        try whole.prefix(whole.count - 5).write(to: builder.root.appendingPathComponent("inbox/cut.segment"))
        let cut = try builder.run("import", "inbox/cut.segment")
        #expect(cut.status == 1)
        #expect(cut.stderr.split(separator: "\n").count == 1, "\(cut.stderr)")
        #expect(cut.stderr.hasPrefix("sitrep: inbox/cut.segment is cut short (its header announces "), "\(cut.stderr)")
        #expect(cut.stderr.hasSuffix("nothing was imported from it (copy it again).\n"), "\(cut.stderr)")
        let missing = try builder.run("import", "inbox/none.segment")
        #expect(missing.status == 1 && missing.stderr.hasPrefix("sitrep: inbox/none.segment cannot be read: "), "\(missing.stderr)")

        let built = try builder.run("build")
        #expect(built.status == 0, "\(built.stderr)")
        let page = try builder.read("site/components/api.html")
        #expect(page.contains("<h2 id=\"locations-heading\">By location</h2>"))
        #expect(page.contains("<tr data-location=\"ams\"><th scope=\"row\">ams</th>"))
        #expect(page.contains("<tr data-location=\"nyc\"><th scope=\"row\">nyc</th>"))
        let v1 = try #require(try JSONSerialization.jsonObject(with: Data(builder.read("site/api/v1/components/api.json").utf8)) as? [String: Any])
        let locations = try #require(v1["locations"] as? [[String: Any]])
        #expect(locations.map { $0["name"] as? String } == ["ams", "nyc"])
        #expect(locations.map { $0["status"] as? String } == ["major_outage", "major_outage"])
        #expect(locations.allSatisfy { $0["stale"] as? Bool == false && $0["last_result_at"] is String })
        // Both saw the API down: the agreed status is down, and Statuspage's API carries no locations.
        #expect(v1["automatic_status"] as? String == "major_outage")
        #expect(!(try builder.read("site/api/v2/summary.json")).contains("location"))
    }

    @Test func aLocationThatCannotNameAFileIsRefused() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        defer { site.remove() }
        let probed = try site.run("probe", "--location", "eu west")
        #expect(probed.status == 64)
        #expect(probed.stderr.contains("--location must be 1 to 64 letters, digits"), "\(probed.stderr)")
        #expect(!site.exists("data/sitrep.sqlite"))
        let none = try site.run("import")
        #expect(none.status == 64 && none.stderr.contains("Missing expected argument '<files> ...'"), "\(none.stderr)")
        let nothing = try site.run("export")
        #expect(nothing.status == 0 && nothing.stdout == "Nothing new to export since the last export.\n")
    }
}
