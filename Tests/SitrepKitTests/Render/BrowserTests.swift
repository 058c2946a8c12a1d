import Foundation
import Testing
@testable import SitrepKit

/// Loads the rendered index page in headless Chromium, served over HTTP from 127.0.0.1, and checks that the
/// page runs without console errors and that the refresh script applies `api/v2/summary.json` in place.
@Suite struct BrowserTests {
    static let chromium: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    /// Statuspage-shaped: the website is now in a major outage, the page-wide indicator critical.
    static let summary = """
        {"page": {"id": "sitrep", "name": "Acme Status", "url": "https://status.acme.dev", "time_zone": "Europe/Berlin",
                  "updated_at": "2026-11-20T12:05:00.000Z"},
         "status": {"indicator": "critical", "description": "Major System Outage"},
         "components": [{"id": "web", "name": "Website", "status": "major_outage"},
                        {"id": "api", "name": "Public API", "status": "major_outage"},
                        {"id": "unknown-id", "name": "Ignored", "status": "operational"},
                        {"id": "cdn", "name": "CDN", "status": "not-a-status"}],
         "incidents": [], "scheduled_maintenances": []}
        """

    @Test(.enabled(if: RequiredTool.runs(chromium), "chromium is not installed: `make test-deps` installs it; browser test skipped"))
    func refreshScriptUpdatesBannerAndComponentsWithoutConsoleErrors() throws {
        let chromium = try #require(Self.chromium)
        let scratch = try ScratchFolder("browser")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("site")
        var files = try RenderedSite(SiteFixture.model(refreshSeconds: 1)).files
        files["api/v2/summary.json"] = Data(Self.summary.utf8)
        try ScratchFolder.write(files, to: site)

        let server = try LocalHTTPServer(directory: site, log: scratch.url.appendingPathComponent("server.log"))
        defer { server.stop() }
        let profile = scratch.url.appendingPathComponent("profile")
        let run = try Self.runChromium(chromium, arguments: [
            "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=\(profile.path)", "--no-first-run", "--disable-extensions",
            "--virtual-time-budget=5000", "--dump-dom", "\(server.baseURL)index.html",
        ], scratch: scratch.url)

        let consoleLines = run.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") }
        #expect(consoleLines.isEmpty, "console output: \(consoleLines.joined(separator: "\n"))")
        let dom = run.stdout
        #expect(dom.contains("<section id=\"banner\" class=\"banner banner-critical\""), "banner class updated")
        #expect(dom.contains("<use href=\"#i-major_outage\"></use></svg><span class=\"status-word\">Major System Outage</span>"))
        let web = Self.row("web", in: dom)
        #expect(web.contains("data-status=\"major_outage\""))
        #expect(web.contains("<span class=\"status status-major_outage\"><svg class=\"icon\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#i-major_outage\"></use></svg><span class=\"status-word\">Major Outage</span>"))
        #expect(Self.row("cdn", in: dom).contains("<span class=\"status-word\">Operational</span>"), "an unknown status is ignored")
        #expect(dom.contains("datetime=\"2026-11-20T12:05:00.000Z\""), "last updated comes from the summary")
    }

    /// Polls rather than `waitUntilExit()`, which can hang inside a test runner on Linux; terminates the
    /// process if it outlives the limit, so a hung browser cannot hang the test run.
    static func waitForExit(_ process: Process, upToSeconds seconds: Int) {
        for _ in 0..<(seconds * 10) where process.isRunning {
            usleep(100_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    static func row(_ id: String, in dom: String) -> String {
        guard let start = dom.range(of: "data-component-id=\"\(id)\"") else { return "" }
        let rest = dom[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</li>")?.upperBound ?? rest.endIndex)])
    }

    /// Runs Chromium with output into files (a DOM can exceed a pipe's buffer), terminating it after two minutes
    /// at the latest so a hung browser cannot hang the test run.
    static func runChromium(_ executable: String, arguments: [String], scratch: URL) throws -> (stdout: String, stderr: String) {
        let outURL = scratch.appendingPathComponent("chromium.out")
        let errURL = scratch.appendingPathComponent("chromium.err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        waitForExit(process, upToSeconds: 120)
        let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return (read(outURL), read(errURL))
    }
}

/// `python3 -m http.server` on 127.0.0.1 with a port the system picks, serving one folder.
final class LocalHTTPServer {
    private let process = Process()
    let baseURL: String

    init(directory: URL, log: URL) throws {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", directory.path]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Wait (up to about 20 s) for "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ...".
        var port: Int?
        for _ in 0..<200 where port == nil && process.isRunning {
            let banner = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
            if let range = banner.range(of: #"port (\d+)"#, options: .regularExpression) {
                port = Int(banner[range].dropFirst("port ".count))
            } else {
                usleep(100_000)
            }
        }
        guard let port else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw RenderError(message: "python3 -m http.server did not start")
        }
        baseURL = "http://127.0.0.1:\(port)/"
    }

    func stop() {
        // SIGKILL: a child of the test runner may inherit a signal mask that blocks SIGTERM.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        BrowserTests.waitForExit(process, upToSeconds: 10)
    }
}
