import Foundation
import Testing
@testable import SitrepKit

/// WCAG AA contrast of the default theme, measured in headless Chromium on the rendered fixture pages, in the
/// light scheme and in the dark one: every visible text at least 4.5:1 against what it is drawn on (3:1 for
/// large text).
@Suite struct ContrastTests {
    struct Measurement: Decodable {
        struct Failure: Decodable, CustomStringConvertible {
            var scheme: String
            var text: String
            var element: String
            var ratio: Double
            var needed: Double
            var description: String { "\(scheme): '\(text)' (\(element)) \(ratio):1, needs \(needed):1" }
        }
        var checked: Int
        var failures: [Failure]
        var body: String
    }

    struct Report: Decodable {
        var light: Measurement
        var dark: Measurement
        var darkRules: Int
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Browser/contrast_report.js")

    static let pages = ["index.html", "components/api.html", "incidents/2026-11-20-api-errors.html",
                        "maintenance/2026-11-25-network.html", "history.html"]

    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"),
          arguments: pages)
    func everyTextMeetsWCAGAAInBothSchemes(page: String) throws {
        try measure(page: page, model: SiteFixture.model(refreshSeconds: 0))
    }

    /// Accent colours from the config (the least contrast `site.colors` accepts, 4.5:1) and a logo.
    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"),
          arguments: ["index.html", "incidents/2026-11-20-api-errors.html"])
    func accentColoursKeepWCAGAAInBothSchemes(page: String) throws {
        let branding = SiteBranding(logo: .staticFile("logo.svg"), accent: CSSColor("#0f6fc6"), accentDark: CSSColor("#4c9aef"))
        let model = SiteFixture.model(refreshSeconds: 0, branding: branding)
        let html = try RenderedSite(model).page(page)
        #expect(html.contains("--link: #0f6fc6") && html.contains("--link: #4c9aef"), "the accent reaches the page")
        try measure(page: page, model: model)
    }

    private func measure(page: String, model: SiteModel) throws {
        let chromium = try #require(BrowserTests.chromium)
        let scratch = try ScratchFolder("contrast")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("site")
        var files = try RenderedSite(model).files
        let html = String(decoding: try #require(files[page]), as: UTF8.self)
        let script = try String(contentsOf: Self.script, encoding: .utf8)
        #expect(html.contains("</body>"))
        files[page] = Data(html.replacingOccurrences(of: "</body>", with: "<script>\(script)</script>\n</body>").utf8)
        try ScratchFolder.write(files, to: site)

        let run = try BrowserTests.runChromium(chromium, arguments: [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(scratch.url.appendingPathComponent("profile").path)",
            // The page reads its own stylesheet's rules, which Chromium keeps from a `file://` page otherwise.
            "--allow-file-access-from-files",
            "--no-first-run", "--disable-extensions", "--virtual-time-budget=2000", "--dump-dom",
            site.appendingPathComponent(page).absoluteString,
        ], scratch: scratch.url)

        let report = try Self.report(in: run.stdout)
        // The measurement really ran, on real text, and the dark rules really changed the page.
        #expect(report.light.checked > 10, "light: \(report.light.checked) texts measured")
        #expect(report.dark.checked == report.light.checked)
        #expect(report.darkRules > 0)
        #expect(report.light.body != report.dark.body, "the dark scheme changes the background")
        let failures = report.light.failures + report.dark.failures
        #expect(failures.isEmpty, "\(page): \(failures.map(\.description).joined(separator: "; "))")
    }

    static func report(in dom: String) throws -> Report {
        guard let start = dom.range(of: "<pre id=\"contrast-report\">", options: .backwards),
              let end = dom[start.upperBound...].range(of: "</pre>")
        else { throw RenderError(message: "no contrast report in the page: \(dom.prefix(300))") }
        let text = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{a0}").replacingOccurrences(of: "&amp;", with: "&")
        do {
            return try JSONDecoder().decode(Report.self, from: Data(text.utf8))
        } catch {
            throw RenderError(message: "unreadable contrast report (\(error)): \(text.prefix(600))")
        }
    }
}
