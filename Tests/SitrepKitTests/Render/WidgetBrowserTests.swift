import Foundation
import Testing
@testable import SitrepKit

/// The embeddable widget in headless Chromium, included by a page on another origin (two loopback ports): the
/// script renders the status pill from `api/v2/status.json` when the status site sends
/// Access-Control-Allow-Origin, says "Status unavailable" when it does not, and the iframe page works without it.
@Suite(.serialized) struct WidgetBrowserTests {
    /// A built status site served on one loopback port (with or without Access-Control-Allow-Origin), and a
    /// page of `body` (given the status site's base URL) served on another; `test` gets both running.
    private func withTwoOrigins(cors: Bool, body: (String) -> String,
                                test: (_ status: LocalHTTPServer, _ host: LocalHTTPServer, _ published: [String: String], _ scratch: URL) throws -> Void) throws {
        let fixture = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        let scratch = try ScratchFolder("widget")
        defer { fixture.remove(); scratch.remove() }
        let build = try fixture.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.root.appendingPathComponent("site/api/v2/status.json")))
        let published = try #require((json as? [String: Any])?["status"] as? [String: String])
        let status = try server(fixture.root.appendingPathComponent("site"), cors: cors, scratch: scratch.url, name: "status")
        defer { status.stop() }
        let folder = scratch.url.appendingPathComponent("host")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<!DOCTYPE html><html lang=\"en\"><head><title>Host</title></head><body>\n\(body(status.baseURL))\n</body></html>\n".utf8)
            .write(to: folder.appendingPathComponent("host.html"))
        let host = try server(folder, cors: false, scratch: scratch.url, name: "host")
        defer { host.stop() }
        #expect(host.baseURL != status.baseURL, "two origins")
        try test(status, host, published, scratch.url)
    }

    private func server(_ folder: URL, cors: Bool, scratch: URL, name: String) throws -> LocalHTTPServer {
        try LocalHTTPServer(directory: folder, scratch: scratch, gated: false, cors: cors, name: name)
    }

    private func dom(of url: String, scratch: URL) throws -> String {
        let chromium = try #require(BrowserTests.chromium)
        let profile = scratch.appendingPathComponent("profile-\(UUID().uuidString)")
        return try BrowserTests.runChromium(chromium, arguments: BrowserTests.dumpingDOM(of: url, profile: profile), scratch: scratch).stdout
    }

    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"))
    func theScriptRendersThePillOnAnotherOriginWithCORS() throws {
        try withTwoOrigins(cors: true, body: { status in """
            <p>Our product. Service status: <span data-sitrep-widget></span></p>
            <script async src="\(status)widget.js"></script>
            """ }) { status, host, published, scratch in
            let page = try dom(of: host.baseURL + "host.html", scratch: scratch)
            #expect(page.contains("class=\"sitrep-pill sitrep-pill-\(published["indicator"] ?? "?")\""), "\(page)")
            #expect(page.contains("<span class=\"sitrep-pill-text\">\(published["description"] ?? "?")</span>"), "\(page)")
            #expect(page.contains("href=\"\(status.baseURL)\""), "the pill links to the status page")
            #expect(status.requests.contains("GET /api/v2/status.json"))
        }
    }

    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"))
    func withoutCORSTheScriptSaysSoAndTheIframePageStillWorks() throws {
        try withTwoOrigins(cors: false, body: { status in """
            <span data-sitrep-widget></span><script src="\(status)widget.js"></script>
            <iframe src="\(status)widget.html" title="Service status" style="border:0;height:40px;width:320px"></iframe>
            """ }) { status, host, published, scratch in
            let page = try dom(of: host.baseURL + "host.html", scratch: scratch)
            #expect(page.contains("<span class=\"sitrep-pill-text\">Status unavailable</span>"), "\(page)")
            #expect(!page.contains(published["description"] ?? "?"), "a blocked fetch shows no status")
            // The iframe page, on the status site's own origin, loaded its script and read the status.
            #expect(status.requests.contains("GET /widget.html"))
            #expect(status.requests.components(separatedBy: "GET /api/v2/status.json").count - 1 == 2, "\(status.requests)")

            let frame = try dom(of: status.baseURL + "widget.html", scratch: scratch)
            #expect(frame.contains("class=\"sitrep-pill sitrep-pill-\(published["indicator"] ?? "?")\""), "\(frame)")
            #expect(frame.contains("<span class=\"sitrep-pill-text\">\(published["description"] ?? "?")</span>"))
            #expect(frame.contains("target=\"_top\""), "a click opens the status page in the including window")
        }
    }
}
