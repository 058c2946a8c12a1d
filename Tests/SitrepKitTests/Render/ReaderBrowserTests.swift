import Foundation
import Testing
@testable import SitrepKit

/// The default theme as a reader on a phone (390 px) or a laptop (1280 px) meets it, in headless Chromium driven
/// over the DevTools pipe (`Browser/reader_probe.py`): how many days a strip shows and how wide they are, the
/// smallest text, overlapping axis labels, and the keyboard reaching a day's details with Tab, then the arrows.
@Suite("Render: phones and keyboards in a browser", .serialized)
struct ReaderBrowserTests {
    struct Probe: Decodable {
        struct Strip: Decodable {
            var total: Int
            var shown: Int
            var narrowest: Double
            var tabStops: Int
        }
        struct Text: Decodable {
            var size: Double
            var text: String
            var element: String
        }
        struct Event: Decodable {
            var tone: String
            var color: String
            var style: String
            var width: Double
        }
        struct Layout: Decodable {
            var strips: [Strip]
            var events: [Event]
            var smallestText: Text?
            var overlaps: [String]
            var pageWidth: Int
            var viewport: Int
            var chartLabels: Int
        }
        struct Day: Decodable {
            var day: Bool
            var index: Int?
            var shownDays: Int?
            var text: String?
            var tipWidth: Double?
            var tipLeft: Double?
            var tipRight: Double?
            var fontSize: Double?
            var clipped: Bool?
            /// Text of the page the details box lies over.
            var covers: [String]?
        }
        struct Keyboard: Decodable {
            var tabs: Int
            var first: Day
            var left: Day?
            var home: Day?
        }
        var layout: Layout
        var keyboard: Keyboard
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/reader_probe.py")

    /// The fixture site with 90 days of bars, as the sample site has.
    static func model() -> SiteModel {
        var model = SiteFixture.model(refreshSeconds: 0)
        model.site.historyDays = 90
        model.components = model.components.enumerated().map { index, component in
            var component = component
            component.daily = SiteFixture.daily(seed: index + 1, worst: { $0 == 80 ? .partialOutage : .operational }, count: 90)
            return component
        }
        return model
    }

    /// Renders the site into `scratch`, opens `page` at `width` and returns what the probe measured.
    static func probe(_ page: String, width: Int, chromium: String, scratch: ScratchFolder) throws -> Probe {
        let site = scratch.url.appendingPathComponent("site")
        try ScratchFolder.write(try RenderedSite(model()).files, to: site)
        let out = scratch.url.appendingPathComponent("probe.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, chromium, site.appendingPathComponent(page).absoluteString, String(width),
                             scratch.url.appendingPathComponent("profile").path]
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        BrowserTests.waitForExit(process, upToSeconds: 120)
        let printed = try Data(contentsOf: out)
        do {
            return try JSONDecoder().decode(Probe.self, from: printed)
        } catch {
            throw RenderError(message: "reader_probe.py printed no report (\(error)): \(String(decoding: printed.prefix(600), as: UTF8.self))")
        }
    }

    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"),
          arguments: [390, 1280])
    func theIndexShowsLegibleDaysAndTheKeyboardReachesTheirDetails(width: Int) throws {
        let chromium = try #require(BrowserTests.chromium)
        let scratch = try ScratchFolder("reader-index-\(width)")
        defer { scratch.remove() }
        let probe = try Self.probe("index.html", width: width, chromium: chromium, scratch: scratch)
        let layout = probe.layout
        let phone = width < 600

        // Every component's strip: 90 days, of which a phone shows the last 30, each day a bar a finger can hit.
        #expect(layout.strips.count == SiteFixture.model().components.count)
        for strip in layout.strips {
            #expect(strip.total == 90)
            #expect(strip.shown == (phone ? 30 : 90), "\(width) px: \(strip.shown) days shown")
            #expect(strip.narrowest >= 5, "\(width) px: a day is \(strip.narrowest) px wide")
            #expect(strip.tabStops == 1, "one Tab stop a strip, not one a day")
        }
        #expect(layout.pageWidth <= layout.viewport, "\(width) px: the page scrolls sideways (\(layout.pageWidth) px)")
        let smallest = try #require(layout.smallestText)
        #expect(smallest.size >= 12, "\(width) px: '\(smallest.text)' (\(smallest.element)) is \(smallest.size) px")
        #expect(layout.overlaps.isEmpty, "\(width) px: \(layout.overlaps)")

        // Tab reaches today's bar of the first strip and shows its details, inside the window and legible.
        let keyboard = probe.keyboard
        let today = keyboard.first
        #expect(today.day, "\(keyboard.tabs) Tabs never reached a day")
        #expect(keyboard.tabs < 20, "a day is \(keyboard.tabs) Tabs away")
        #expect(today.index == (phone ? 29 : 89))
        #expect(today.clipped == false)
        #expect(today.text?.contains("20 Nov 2026: ") == true, "\(today.text ?? "")")
        #expect((today.tipWidth ?? 0) >= 200)
        #expect((today.tipLeft ?? -1) >= 0 && (today.tipRight ?? .infinity) <= Double(width))
        #expect((today.fontSize ?? 0) >= 12)
        // The details open in the flow: they cover neither the strip's uptime lines nor the next component.
        #expect(today.covers == [], "\(width) px: the details of a day cover \(today.covers ?? [])")

        // The arrows move to the day before; Home to the first day shown (30 days back on a phone).
        let yesterday = try #require(keyboard.left)
        #expect(yesterday.index == (phone ? 28 : 88))
        #expect(yesterday.text?.contains("19 Nov 2026: ") == true, "\(yesterday.text ?? "")")
        #expect(yesterday.clipped == false)
        #expect(yesterday.covers == [], "\(width) px: the details of a day cover \(yesterday.covers ?? [])")
        let first = try #require(keyboard.home)
        #expect(first.index == 0)
        #expect(first.text?.contains(phone ? "22 Oct 2026: " : "23 Aug 2026: ") == true, "\(first.text ?? "")")
    }

    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"),
          arguments: [390, 1280])
    func aComponentPageKeepsItsChartLabelsLegibleAndApart(width: Int) throws {
        let chromium = try #require(BrowserTests.chromium)
        let scratch = try ScratchFolder("reader-component-\(width)")
        defer { scratch.remove() }
        let layout = try Self.probe("components/api.html", width: width, chromium: chromium, scratch: scratch).layout
        // Two checks with charts: each has three times under it and three values beside it.
        #expect(layout.chartLabels >= 2 * 5, "\(layout.chartLabels) chart labels")
        let smallest = try #require(layout.smallestText)
        #expect(smallest.size >= 12, "\(width) px: '\(smallest.text)' (\(smallest.element)) is \(smallest.size) px")
        #expect(layout.overlaps.isEmpty, "\(width) px: \(layout.overlaps)")
        #expect(layout.pageWidth <= layout.viewport, "\(width) px: the page scrolls sideways (\(layout.pageWidth) px)")
    }

    /// History rows: the border says impact and kind at a glance (the words and icons say it without colour).
    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"))
    func historyRowsDifferByImpactAndKindAtAGlance() throws {
        let chromium = try #require(BrowserTests.chromium)
        let scratch = try ScratchFolder("reader-history")
        defer { scratch.remove() }
        let events = try Self.probe("history.html", width: 1280, chromium: chromium, scratch: scratch).layout.events
        func border(_ tone: String) throws -> Probe.Event { try #require(events.first { $0.tone == "event \(tone)" }, "\(tone): \(events)") }
        let major = try border("impact-major"), minor = try border("impact-minor")
        let maintenance = try border("maintenance"), cancelled = try border("maintenance cancelled")
        #expect(Set([major.color, minor.color, maintenance.color, cancelled.color]).count == 4, "\(events)")
        #expect([major, minor, maintenance, cancelled].allSatisfy { $0.width == 6 })
        #expect(cancelled.style == "dashed" && major.style == "solid")
    }
}
