import Foundation
import Testing

/// Every page of a real build, checked by an independent HTML checker (HTML Tidy, installed by `make test`).
@Suite("Built site is valid HTML")
struct BuiltSiteValidityTests {
    /// What tidy 5.6 reports for markup that current HTML allows: `<div>` groups inside `<dl>` (WHATWG, 2017)
    /// and SVG's `focusable` attribute. Everything else it says fails the test.
    static let knownFalsePositives = [
        "missing <dd>", "missing </div> before <dt>", "inserting implicit <dl>", "missing </dl> before </div>",
        "proprietary attribute \"focusable\"",
    ]

    static var tidy: String? {
        ["/usr/bin/tidy", "/usr/local/bin/tidy"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: RequiredTool.runs(tidy), "HTML Tidy is not installed (make test installs it)"))
    func everyPageOfASampleBuildPassesTidy() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("content/incidents/2026-11-20-outage.md", """
        ---
        title: Outage <b>with markup</b> & "quotes"
        impact: critical
        components: {api: major_outage}
        root_cause: A <script>bad()</script> deploy
        updates:
          - {at: 2026-11-20T10:00:00Z, status: resolved, message: "Fixed. | a | b |"}
          - {at: 2026-11-20T09:00:00Z, status: investigating, message: "Looking into **it** <img src=x onerror=alert(1)>", eta: 2026-11-20T11:00:00Z}
        ---
        | Time | Event |
        |---|---|
        | 09:00 | ~~deploy~~ rollback |

        - [x] done
        - [ ] to do
        """)
        try site.write("content/maintenance/2026-12-01-upgrade.md", """
        ---
        title: Upgrade
        components: [db]
        scheduled_for: 2026-12-01T02:00:00Z
        scheduled_until: 2026-12-01T03:00:00Z
        ---
        Details at https://example.com/upgrade.
        """)
        #expect(try site.run("probe").status == 0)
        let build = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        let pages = try site.tree("site").keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count == 8 && pages.contains("widget.html"), "\(pages)")
        #expect(pages.contains("subscribe.html"))
        for page in pages {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.tidy))
            process.arguments = ["-e", "-q", site.root.appendingPathComponent("site/\(page)").path]
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let problems = output.split(separator: "\n").filter { line in
                !Self.knownFalsePositives.contains { line.contains($0) }
            }
            #expect(problems.isEmpty, "\(page): \(problems.joined(separator: "\n"))")
        }
    }
}
