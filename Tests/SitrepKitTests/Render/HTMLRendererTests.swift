import Foundation
import Testing
@testable import SitrepKit

@Suite struct HTMLRendererTests {
    @Test func everyPathOfTheLayoutIsRendered() throws {
        let site = try RenderedSite()
        let expected = [
            "index.html", "history.html", "history/2025.html",
            "components/api.html", "components/web.html", "components/db.html", "components/search.html", "components/cdn.html",
            "incidents/2026-11-20-api-errors.html", "incidents/2026-11-10-web-slow.html", "incidents/2025-03-01-outage.html",
            "maintenance/2026-11-25-network.html", "maintenance/db-upgrade.html", "maintenance/2026-11-05-dns.html",
            "subscribe.html",
        ]
        #expect(site.paths == (expected + ["style.css"]).sorted())
        for path in expected {
            let html = site.page(path)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(path)")
            #expect(html.hasSuffix("</html>\n"), "\(path)")
        }
    }

    @Test(arguments: Indicator.allCases)
    func bannerSaysTheIndicatorInWords(indicator: Indicator) throws {
        var model = SiteFixture.model()
        model.indicator = indicator
        let html = try RenderedSite(model).page("index.html")
        #expect(html.contains("<section id=\"banner\" class=\"banner banner-\(indicator.rawValue)\""))
        #expect(html.contains("<span class=\"status-word\">\(indicator.description)</span>"))
    }

    @Test func componentStatusesAreWordsNextToIcons() throws {
        let site = try RenderedSite()
        let expected: [(String, String, String)] = [
            ("api", "major_outage", "Major Outage"), ("web", "degraded_performance", "Degraded Performance"),
            ("db", "under_maintenance", "Under Maintenance"), ("search", "stale", "No recent data"), ("cdn", "operational", "Operational"),
        ]
        for (id, icon, word) in expected {
            let row = site.indexRow(id)
            #expect(row.contains("<use href=\"#i-\(icon)\"></use></svg><span class=\"status-word\">\(word)</span>"), "\(id)")
            #expect(site.page("index.html").contains("<symbol id=\"i-\(icon)\""), "icon \(icon) is defined")
        }
        #expect(site.indexRow("search").contains("No recent data: no check result yet."))
        // Groups carry their worst status, in words too.
        #expect(site.page("index.html").contains("<h3>Data</h3><span class=\"status status-under_maintenance\">"))
    }

    @Test func dailyBarsHaveTheirDetailsPerDayAndOneTabStop() throws {
        let site = try RenderedSite()
        for id in ["api", "web", "db", "search", "cdn"] {
            let row = site.indexRow(id)
            #expect(row.components(separatedBy: "<li class=\"day day-").count - 1 == SiteFixture.historyDays, "\(id)")
            // Today is the strip's one Tab stop, and its last day.
            #expect(row.components(separatedBy: "tabindex=\"0\"").count - 1 == 1, "\(id)")
            #expect(row.contains("tabindex=\"0\"><span class=\"day-tip\">20 Nov 2026: "), "\(id)")
        }
        let api = site.indexRow("api")
        #expect(api.contains("<span class=\"day-tip\">20 Nov 2026: 97.50% uptime\nWorst: Major Outage\nIncident: Elevated API error rates &lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        #expect(api.contains("<li class=\"day day-partial_outage\" tabindex=\"-1\"><span class=\"day-tip\">3 Nov 2026: 99.10% uptime\nWorst: Partial Outage\nNo incidents</span></li>"))
        #expect(site.indexRow("search").contains("<li class=\"day day-nodata\" tabindex=\"-1\"><span class=\"day-tip\">22 Oct 2026: No data</span></li>"))
        #expect(site.indexRow("db").contains("Maintenance: 90 min"))
        // 30 days: nothing to leave out on a phone, one start label.
        #expect(!api.contains("axis-narrow"))
        #expect(api.contains("<span class=\"axis-wide\">30 days ago</span>"))
    }

    /// With 90 days, the strip also carries what a phone shows: the last 30 days' start label and uptime.
    @Test func aLongStripCarriesItsNarrowAxis() throws {
        let site = try RenderedSite(ReaderBrowserTests.model())
        let api = site.indexRow("api")
        #expect(api.components(separatedBy: "<li class=\"day day-").count - 1 == 90)
        #expect(api.contains("<div class=\"bar-axis has-narrow\" aria-hidden=\"true\"><span class=\"axis-wide\">90 days ago</span><span class=\"axis-narrow\">30 days ago</span>"))
        #expect(api.contains("<span class=\"axis-wide\">99.93% uptime</span><span class=\"axis-narrow\">99.87% uptime</span>"))
        #expect(site.page("index.html").contains("Uptime over the past 90 days<span class=\"narrow-only\"> (the last 30 on this screen)</span>."))
        #expect(!(try RenderedSite()).page("index.html").contains("<span class=\"narrow-only\">"), "30 days: a phone shows them all")
        // The theme's phone rule keeps exactly the days the view calls narrow.
        let style = try String(contentsOf: SiteFixture.templates.appendingPathComponent("partials/style.mustache"), encoding: .utf8)
        #expect(style.contains(".day:nth-last-child(n+\(DailyBarsView.narrowDays + 1)) { display: none; }"))
    }

    /// The fixture site rendered with the default theme copied into `scratch`, one template replaced: the theme
    /// folder, the replaced file, and the pages by path.
    static func render(replacing name: String, with text: String, in scratch: ScratchFolder) throws
        -> (templates: URL, partial: URL, page: (String) -> String) {
        let templates = scratch.url.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: SiteFixture.templates, to: templates)
        let partial = templates.appendingPathComponent("\(name).mustache")
        try Data(text.utf8).write(to: partial)
        let files = try HTMLRenderer(templates: TemplateSet(directory: templates)).render(SiteFixture.model())
        return (templates, partial, { path in files[path].map { String(decoding: $0, as: UTF8.self) } ?? "" })
    }

    /// The strip is rendered once per component (`BarsFragments`) and placed on both pages: an edit of
    /// `partials/bars.mustache` shows on each, still escaped; without the partial the theme is refused by name.
    @Test func theBarsPartialIsRenderedOnceAndShownOnIndexAndComponentPage() throws {
        let scratch = try ScratchFolder("bars-partial")
        defer { scratch.remove() }
        let (templates, partial, page) = try Self.render(replacing: "partials/bars", with: "<p class=\"my-bars\">{{label}}</p>\n", in: scratch)
        let expected = "<p class=\"my-bars\">Public API &lt;script&gt;alert(1)&lt;/script&gt;: daily uptime over the last"
        #expect(page("index.html").components(separatedBy: expected).count - 1 == 1)
        #expect(page("components/api.html").components(separatedBy: expected).count - 1 == 1)
        #expect(page("index.html").components(separatedBy: "class=\"my-bars\"").count - 1 == SiteFixture.model().components.count)
        #expect(!page("index.html").contains("<li class=\"day "))

        try FileManager.default.removeItem(at: partial)
        let error = #expect(throws: DiagnosticsError.self) {
            _ = try TemplateSet(directory: templates)
        }
        #expect(error?.description.contains("missing template: the renderer needs partials/bars.mustache") == true)
    }

    /// Each day is `partials/bar` rendered with that day alone; equal days are rendered once per worker and
    /// reused, so the markup must still follow every day's own values, in order, on every strip.
    @Test func theBarPartialRendersEveryDayInOrderOnBothPages() throws {
        let scratch = try ScratchFolder("bar-partial")
        defer { scratch.remove() }
        let (templates, partial, page) = try Self.render(
            replacing: "partials/bar", with: "<i data-k=\"{{key}}\">{{#isTabStop}}*{{/isTabStop}}{{title}}</i>\n", in: scratch)
        let model = SiteFixture.model()
        let context = RenderContext(model: model, strings: try SiteFixture.english())
        for component in model.components {
            let expected = DailyBarsView(component: component, context: context).bars.map { bar in
                "<i data-k=\"\(bar.key)\">\(bar.isTabStop ? "*" : "")\(HTMLEscaping.escape(bar.title))</i>"
            }.joined()
            #expect(component.daily.count > 1)
            #expect(page("components/\(component.id).html").contains(expected), "\(component.id)")
            #expect(page("index.html").contains(expected), "\(component.id)")
        }
        // Days repeat across components (the reuse is exercised) and differ within one (the order is checked).
        let views = model.components.flatMap { DailyBarsView(component: $0, context: context).bars }
        #expect(Set(views).count < views.count)
        #expect(Set(views.map(\.key)).count > 1)

        try FileManager.default.removeItem(at: partial)
        let error = #expect(throws: DiagnosticsError.self) {
            _ = try TemplateSet(directory: templates)
        }
        #expect(error?.description.contains("missing template: the renderer needs partials/bar.mustache") == true)
    }

    @Test func indexShowsUptimeSparklineIncidentsAndMaintenance() throws {
        let site = try RenderedSite()
        let api = site.indexRow("api")
        for cell in ["<dt>24 hours</dt><dd>96.52%</dd>", "<dt>7 days</dt><dd>99.50%</dd>", "<dt>30 days</dt><dd>99.87%</dd>", "<dt>90 days</dt><dd>99.93%</dd>"] {
            #expect(api.contains(cell))
        }
        #expect(api.contains("<span class=\"spark\"><svg"))
        #expect(site.indexRow("search").contains("<dt>24 hours</dt><dd>No data</dd>"))
        let index = site.page("index.html")
        #expect(index.contains("Expected resolution <time datetime=\"2026-11-20T14:00:00Z\">20 Nov 2026, 15:00 GMT+1</time>"))
        #expect(index.contains("<h2 id=\"active-maintenance\">Maintenance in progress</h2>"))
        #expect(index.contains("<h2 id=\"upcoming-maintenance\">Scheduled maintenance</h2>"))
        #expect(index.contains("href=\"maintenance/2026-11-25-network.html\""))
        #expect(!index.contains("maintenance/2026-11-05-dns.html"), "a cancelled window is not upcoming")
        let active = try #require(index.components(separatedBy: "<h2 id=\"active-incidents\">").last?.components(separatedBy: "</section>").first)
        #expect(active.contains("incidents/2026-11-20-api-errors.html"))
        #expect(!active.contains("incidents/2026-11-10-web-slow.html"), "a resolved incident is not active")
        #expect(index.contains("Last updated <time class=\"js-updated\" datetime=\"2026-11-20T12:00:00Z\">20 Nov 2026, 13:00 GMT+1</time>"))
    }

    @Test func linksBetweenPagesAreRelativeAndResolve() throws {
        let site = try RenderedSite()
        let feeds: Set<String> = ["history.rss", "history.atom", "maintenance.ics", "api/v2/summary.json", "api/v1/status.json"]
        let producedElsewhere = feeds.union(SiteFixture.model().components.map { "components/\($0.id).rss" })
        let known = Set(site.paths).union(producedElsewhere)
        for path in site.pagePaths {
            let html = site.page(path)
            #expect(!html.contains("href=\"/"), "\(path)")
            #expect(html.range(of: #"<[a-zA-Z]+(\s+[a-zA-Z-]+(="[^"]*")?)*\s+src="#, options: .regularExpression) == nil, "\(path): nothing is loaded from elsewhere")
            let base = URL(string: "https://example.github.io/status/\(path)")
            for href in RenderedSite.attributeValues("href", in: html) {
                if href.hasPrefix("#") || href == "data:," { continue }
                if href.hasPrefix("https://status.acme.dev") {
                    #expect(html.contains("<link rel=\"canonical\" href=\"\(href)\">"), "\(path): absolute URL outside canonical: \(href)")
                    continue
                }
                #expect(!href.contains("://"), "\(path): \(href)")
                let resolved = URL(string: href, relativeTo: base)?.absoluteURL.path ?? ""
                let relative = resolved.hasPrefix("/status/") ? String(resolved.dropFirst("/status/".count)) : resolved
                #expect(known.contains(relative.removingPercentEncoding ?? relative), "\(path): \(href) resolves to \(relative)")
            }
        }
    }

    @Test func canonicalIsAbsoluteAndFeedsAreAdvertised() throws {
        let site = try RenderedSite()
        #expect(site.page("index.html").contains("<link rel=\"canonical\" href=\"https://status.acme.dev/\">"))
        #expect(site.page("components/api.html").contains("<link rel=\"canonical\" href=\"https://status.acme.dev/components/api.html\">"))
        for path in site.pagePaths {
            let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
            let html = site.page(path)
            #expect(html.contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"\(root)history.rss\""), "\(path)")
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"\(root)history.atom\""), "\(path)")
        }
        #expect(site.page("components/api.html").contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"../components/api.rss\""))
        let index = site.page("index.html")
        for link in ["api/v2/summary.json", "api/v1/status.json", "history.rss", "history.atom", "maintenance.ics"] {
            #expect(index.contains("<a href=\"\(link)\">"), "\(link)")
        }
    }

    @Test func aFlowCheckShowsEachStepWithStatusPhasesAndWhatFailed() throws {
        let web = try RenderedSite().page("components/web.html")
        let flow = try #require(web.range(of: "<ol class=\"flow-steps\" aria-label=\"Steps of checkout\">").map { web[$0.lowerBound...] })
        let steps = flow.components(separatedBy: "<li class=\"flow-step\"").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
        #expect(steps.count == 3)
        #expect(steps[0].contains("data-step=\"login\"") && steps[0].contains("<span class=\"status-word\">Up</span>"))
        #expect(steps[0].contains("<p class=\"check-meta\">HTTP 200</p>"))
        #expect(steps[0].contains("<p class=\"check-meta\">DNS 1 ms · Connect 3 ms · TLS 16 ms · Time to first byte 40 ms · Transfer 2 ms</p>"))
        #expect(steps[1].contains("<span class=\"status-word\">Down</span>"))
        // A private check shows which condition failed (escaped), never the observed value.
        #expect(steps[1].contains("Error: <code>http_status</code> — items: expected len &gt; 0 &lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(steps[2].contains("data-step=\"logout\"") && steps[2].contains("<span class=\"status-word\">Not run</span>"))
        #expect(!steps[2].contains("check-meta"))
        #expect(web.contains("Error: <code>http_status</code> — step orders: http_status</p>"), "the failure names the step")
    }

    /// A chart of two hours names each once: no middle label repeating the last.
    @Test func aTwoPointChartNamesItsTimesOnce() throws {
        var model = SiteFixture.model()
        model.components[4].checks[0].responseTimes = Array(SiteFixture.series(base: 30).suffix(2))
        let cdn = try RenderedSite(model).page("components/cdn.html")
        #expect(cdn.contains("<div class=\"chart-x\" aria-hidden=\"true\"><span class=\"chart-x-start\">20 Nov 11:00</span><span class=\"chart-x-end\">20 Nov 12:00</span></div>"))
    }

    /// The index lists the last fifteen days, Statuspage-style: each day's incidents and maintenance, or a quiet day.
    @Test func indexListsThePastDaysWithQuietOnesSaidSo() throws {
        let index = try RenderedSite().page("index.html")
        let past = String(try #require(index.components(separatedBy: "<h2 id=\"past-heading\">Past incidents</h2>").last))
        let days = past.components(separatedBy: "<div class=\"past-day\">").dropFirst()
        #expect(days.count == PastDay.count)
        let today = try #require(days.first)
        #expect(today.hasPrefix("\n<h3><time datetime=\"2026-11-19T23:00:00Z\">20 Nov 2026</time></h3>"))
        #expect(today.contains("href=\"incidents/2026-11-20-api-errors.html\""))
        #expect(today.contains("href=\"maintenance/db-upgrade.html\""))
        #expect(!past.contains("2026-11-25-network"), "an upcoming window is not past")
        // Ten days ago: the resolved incident; the cancelled window fifteen days ago is one day too old.
        let tenDaysAgo = Array(days)[10]
        #expect(tenDaysAgo.hasPrefix("\n<h3><time datetime=\"2026-11-09T23:00:00Z\">10 Nov 2026</time></h3>"))
        #expect(tenDaysAgo.contains("href=\"incidents/2026-11-10-web-slow.html\""))
        #expect(!past.contains("2026-11-05-dns"))
        let quiet = days.enumerated().filter { $0.offset != 0 && $0.offset != 10 }.map(\.element)
        #expect(quiet.count == PastDay.count - 2)
        #expect(quiet.allSatisfy { $0.contains("<p class=\"muted\">No incidents reported.</p>") && !$0.contains("<li") })
        #expect(days.last?.hasPrefix("\n<h3><time datetime=\"2026-11-05T23:00:00Z\">6 Nov 2026</time></h3>") == true)
    }

    /// Kind and impact are words with an icon, not only the colour of a border.
    @Test func historyRowsNameTheirKindAndImpact() throws {
        let history = try RenderedSite().page("history.html")
        func row(_ href: String) throws -> String {
            let start = try #require(history.range(of: "href=\"\(href)\""))
            let rest = history[start.lowerBound...]
            return String(rest[..<(rest.range(of: "</li>")?.lowerBound ?? rest.endIndex)])
        }
        #expect(try row("incidents/2026-11-20-api-errors.html").contains(
            "<span class=\"tag kind kind-incident\"><svg class=\"icon\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#i-incident\"></use></svg>Incident</span> <span class=\"tag\">Major impact</span>"))
        #expect(try row("incidents/2026-11-10-web-slow.html").contains("Incident</span> <span class=\"tag\">Minor impact</span>"))
        #expect(try row("maintenance/db-upgrade.html").contains("<use href=\"#i-under_maintenance\"></use></svg>Maintenance</span> · "))
        #expect(try row("maintenance/2026-11-05-dns.html").contains("<use href=\"#i-cancelled\"></use></svg>Cancelled maintenance</span> · "))
        #expect(history.contains("<li class=\"event maintenance cancelled\">"))
    }

    @Test func componentPageShowsEachProbeLocationOnlyWhenThereAreSome() throws {
        let site = try RenderedSite()
        let db = site.page("components/db.html")
        #expect(db.contains("<h2 id=\"locations-heading\">By location</h2>"))
        let ams = try #require(db.components(separatedBy: "<tr data-location=\"ams\">").dropFirst().first)
        #expect(ams.hasPrefix("<th scope=\"row\">ams</th><td>"))
        #expect(ams.contains("Operational") && ams.contains("<td>3 ms</td>"))
        let sfo = try #require(db.components(separatedBy: "<tr data-location=\"sfo\" class=\"location-stale\">").dropFirst().first)
        #expect(sfo.contains("No recent data") && sfo.contains("<td>—</td>"))
        #expect(!site.page("components/api.html").contains("By location"))
    }

    @Test func componentPageShowsUptimeChartAndChecks() throws {
        let api = try RenderedSite().page("components/api.html")
        for cell in ["<dt>30 days</dt><dd>99.87%</dd>", "<dt>60 days</dt><dd>99.90%</dd>", "<dt>90 days</dt><dd>99.93%</dd>"] {
            #expect(api.contains(cell))
        }
        // One chart and one percentile table per check: the HTTP check's five phases, the TCP check's two.
        #expect(api.components(separatedBy: "<figure class=\"chart\">").count - 1 == 2)
        let charts = api.components(separatedBy: "<div class=\"check-chart\">").dropFirst()
        #expect(charts.count == 2)
        let http = try #require(charts.first), tcp = try #require(charts.last)
        #expect(http.hasPrefix("\n<h3>health <span class=\"tag\">HTTP</span></h3>"))
        for phase in ["DNS", "Connect", "TLS", "Time to first byte", "Transfer"] {
            #expect(http.contains("<title>\(phase)</title>"), "chart area \(phase)")
        }
        #expect(http.contains("<th scope=\"row\">24 hours</th><td>120 ms</td><td>240 ms</td><td>410 ms</td>"))
        #expect(tcp.hasPrefix("\n<h3>db <span class=\"tag\">TCP</span></h3>"))
        #expect(tcp.contains("<title>DNS</title>") && tcp.contains("<title>Connect</title>"))
        for phase in ["TLS", "Time to first byte", "Transfer"] {
            #expect(!tcp.contains("<title>\(phase)</title>"), "a TCP check has no \(phase)")
        }
        #expect(tcp.contains("<th scope=\"row\">24 hours</th><td>2 ms</td><td>3 ms</td><td>4 ms</td>"))
        #expect(tcp.contains("<td>1 ms</td><td>2 ms</td><td>—</td><td>—</td><td>2 ms</td>"), "a TCP row has no TLS or first byte")
        #expect(!api.contains("No response-time data yet."))
        // The axis labels are text of the page, not of the stretched plot.
        #expect(http.contains("<div class=\"chart-y\" aria-hidden=\"true\"><span>200 ms</span><span>100 ms</span><span>0 ms</span></div>"))
        #expect(http.contains("<div class=\"chart-x\" aria-hidden=\"true\"><span class=\"chart-x-start\">19 Nov 13:00</span><span class=\"chart-x-middle\">20 Nov 01:00</span><span class=\"chart-x-end\">20 Nov 12:00</span></div>"))
        #expect(api.contains("Error: <code>http_status</code> — HTTP 503 from &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(api.contains("Target: <code>https://api.acme.dev/health?x=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code>"))
        #expect(api.contains("Error: <code>connect</code></p>"), "a private check shows its error kind only")
        #expect(api.contains("<span class=\"status-word\">Down</span>"))
        #expect(api.contains("href=\"../incidents/2026-11-20-api-errors.html\""))
        // Phases: every one of a completed transfer; a failed connect reached none after DNS.
        #expect(api.contains("<p class=\"check-meta\">DNS 3 ms · Connect 12 ms · TLS 30 ms · Time to first byte 255 ms · Transfer 12 ms</p>"))
        #expect(api.contains("<p class=\"check-meta\">DNS 2 ms · Connect — · TLS — · Time to first byte — · Transfer —</p>"))
        let db = try RenderedSite().page("components/db.html")
        #expect(db.contains("<p class=\"check-meta\">DNS 1 ms · Connect 2 ms · TLS — · Time to first byte — · Transfer —</p>"),
                "a TCP check has no TLS, first byte or transfer")
        let web = try RenderedSite().page("components/web.html")
        #expect(web.contains("Error: <code>dns</code>"))
        #expect(web.contains("DNS 2 ms · Connect 8 ms"), "the other check's phases are there")
        // The slow check's line and the flow's two steps' lines: the check that reached no phase has none.
        #expect(web.components(separatedBy: "<p class=\"check-meta\">DNS").count == 4, "a check that reached no phase has no phase line")
        // A maintenance row gives its start once, then how long the window is.
        let row = try #require(db.split(separator: "\n").first { $0.contains("<use href=\"#i-under_maintenance\"></use></svg>Maintenance</span>") })
        #expect(row.hasSuffix("</time> · 2 h window</p>"), "\(row)")
        #expect(row.components(separatedBy: "<time ").count == 2, "\(row)")
        // One hour of lookups: no chart yet, and the page says so above the filled table, not "no data".
        let search = try RenderedSite().page("components/search.html")
        #expect(!search.contains("No response-time data yet."))
        #expect(search.contains("<p class=\"muted\">The chart starts once there are response times from two different hours.</p>"))
        #expect(search.contains("<th scope=\"row\">24 hours</th><td>9 ms</td><td>14 ms</td><td>21 ms</td>"))
        // A check without any response time says so, beside one with a chart.
        let webPage = try RenderedSite().page("components/web.html")
        #expect(webPage.components(separatedBy: "<figure class=\"chart\">").count - 1 == 1)
        #expect(webPage.contains("<h3>www <span class=\"tag\">HTTP</span></h3>\n<p class=\"muted\">No response-time data yet.</p>"))
        #expect(search.contains("<span class=\"status-word\">No result yet</span>"))
    }

    @Test func incidentPageShowsImpactComponentsTimelineAndRootCause() throws {
        let html = try RenderedSite().page("incidents/2026-11-20-api-errors.html")
        #expect(html.contains("<span class=\"tag\">Major impact</span>"))
        #expect(html.contains("<a href=\"../components/api.html\">Public API &lt;script&gt;alert(1)&lt;/script&gt;</a>"))
        #expect(html.contains("<h2 id=\"cause-heading\">Root cause</h2>\n<p>Connection pool exhaustion &lt;iframe"))
        #expect(html.contains("Expected resolution: <time datetime=\"2026-11-20T14:00:00Z\">"))
        let identified = html.range(of: "<span class=\"status-word\">Identified</span>")
        let investigating = html.range(of: "<span class=\"status-word\">Investigating</span>")
        #expect(identified != nil && investigating != nil)
        if let identified, let investigating { #expect(identified.lowerBound < investigating.lowerBound, "newest update first") }
        #expect(html.contains("<p>Timeline follows.</p>"))
        let old = try RenderedSite().page("incidents/2025-03-01-outage.html")
        #expect(old.contains("<li>Legacy system <span"), "a component no longer configured is named, not linked")
    }

    @Test func historyListsRecentItemsAndLinksYearPages() throws {
        let site = try RenderedSite()
        let history = site.page("history.html")
        let order = ["maintenance/2026-11-25-network.html", "maintenance/db-upgrade.html", "incidents/2026-11-20-api-errors.html",
                     "incidents/2026-11-10-web-slow.html", "maintenance/2026-11-05-dns.html"]
        let positions = order.compactMap { history.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted(), "newest first")
        #expect(!history.contains("incidents/2025-03-01-outage.html"))
        #expect(history.contains("<a href=\"history/2025.html\">2025</a>"))
        let year = site.page("history/2025.html")
        #expect(year.contains("href=\"../incidents/2025-03-01-outage.html\""))
        #expect(year.contains("<h1>History 2025</h1>"))
        #expect(site.page("maintenance/2026-11-05-dns.html").contains("<span class=\"status-word\">Cancelled</span>"))
    }

    @Test func theRefreshScriptIsThereOnlyWhenRefreshing() throws {
        let on = try RenderedSite(SiteFixture.model(refreshSeconds: 60)).page("index.html")
        #expect(on.contains("<body data-root=\"\" data-refresh=\"60\" data-tz=\"Europe/Berlin\">"))
        #expect(on.contains("+ \"api/v1/build.json\""))
        let off = try RenderedSite(SiteFixture.model(refreshSeconds: 0))
        #expect(!off.page("index.html").contains("api/v1/build.json"))
        #expect(!off.page("history.html").contains("<script"), "a page without daily bars has no script at all")
    }

    @Test func contentIsEscapedEverywhere() throws {
        let site = try RenderedSite()
        for path in site.pagePaths {
            let html = site.page(path)
            for injection in SiteFixture.injections {
                #expect(!html.contains(injection), "\(path) contains \(injection)")
            }
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.contains("<iframe"), "\(path)")
            #expect(!html.contains("<script>alert"), "\(path)")
            // Only the refresh script, and the daily bars' keys where a page has daily bars.
            let expected = 1 + (html.contains("<ol class=\"days\"") ? 1 : 0)
            #expect(html.components(separatedBy: "<script").count - 1 == expected, "\(path): only sitrep's own scripts")
            #expect(html.contains("<ol class=\"days\"") == html.contains("move between the days shown"), "\(path)")
        }
        #expect(site.page("index.html").contains("Public API &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(site.page("index.html").contains("<title>Acme Status &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</title>"))
    }

    @Test func renderingIsDeterministic() throws {
        let first = try RenderedSite().files
        let second = try RenderedSite().files
        #expect(first == second)
    }
}
