import Foundation
@testable import SitrepKit

/// A hand-built site: two groups and an ungrouped component; a down, a degraded, a maintained, a stale and a
/// healthy component; an open incident with an ETA, a resolved one, one older than the history window;
/// maintenance in progress, upcoming and cancelled. Titles, names and the root cause carry an injection corpus.
enum SiteFixture {
    static let scriptTag = "<script>alert(1)</script>"
    static let imgTag = "\"><img src=x onerror=alert(1)>"
    static let iframeTag = "<iframe src=\"https://evil.example\"></iframe>"
    static let injections = [scriptTag, imgTag, iframeTag]

    /// 2026-11-20T12:00:00Z
    static let now = Date(timeIntervalSince1970: 1_795_176_000)
    static let hour = 3_600.0
    static let day = 86_400.0
    static let historyDays = 30

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var templates: URL { repositoryRoot.appendingPathComponent("templates") }

    /// The default theme's English words.
    static func english() throws -> UIStrings { try TemplateSet(directory: templates).strings }

    static func model(refreshSeconds: Int = 60, branding: SiteBranding = SiteBranding()) -> SiteModel {
        let site = SiteSettings(
            title: "Acme Status \(imgTag)", url: "https://status.acme.dev",
            description: "Live status of Acme's public services \(scriptTag)",
            timezone: TimeZone(identifier: "Europe/Berlin") ?? .gmt, historyDays: historyDays, refreshSeconds: refreshSeconds,
            branding: branding)
        return SiteModel(
            generatedAt: now, site: site, indicator: .major,
            groups: [
                GroupModel(id: "core", name: "Core platform \(iframeTag)", componentIDs: ["api", "web"], status: .majorOutage),
                GroupModel(id: "data", name: "Data", componentIDs: ["db", "search"], status: .underMaintenance),
            ],
            components: [api, web, db, search, cdn],
            incidents: [openIncident, resolvedIncident, oldIncident],
            maintenance: [upcomingWindow, activeWindow, cancelledWindow])
    }

    // MARK: components

    static func daily(seed: Int, worst: (Int) -> ComponentStatus? = { _ in .operational }, noDataBefore: Int = 0,
                      count: Int = historyDays) -> [DailyBar] {
        (0..<count).map { index in
            let start = now.addingTimeInterval(Double(index - count + 1) * day)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
            let parts = calendar.dateComponents([.year, .month, .day], from: start)
            let date = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            guard index >= noDataBefore else { return DailyBar(date: date, start: start, uptime: nil, worstStatus: nil) }
            let status = worst(index)
            let uptime: Double = switch status {
            case .majorOutage: 97.5
            case .partialOutage: 99.1
            case .degradedPerformance: 100
            default: 100 - Double((index * seed) % 3) * 0.01
            }
            let incidents = index == count - 1 && seed == 1 ? ["2026-11-20-api-errors"] : (index == 20 && seed == 2 ? ["2026-11-10-web-slow"] : [])
            return DailyBar(date: date, start: start, uptime: uptime, worstStatus: status, incidentIDs: incidents,
                            maintenanceMinutes: status == .underMaintenance ? 90 : nil)
        }
    }

    static func series(base: Double) -> [LatencyPoint] {
        (0..<24).map { index in
            let wave = Double((index * 7) % 11)
            return LatencyPoint(at: now.addingTimeInterval(Double(index - 24) * hour), timings: PhaseTimings(
                dnsMs: 4 + wave / 4, connectMs: 14 + wave / 2, tlsMs: 40 + wave, ttfbMs: base + wave * 6, totalMs: base + 12 + wave * 7))
        }
    }

    /// A TCP check's series: a lookup and a connect, nothing after.
    static func connectSeries(connectMs: Double) -> [LatencyPoint] {
        series(base: 0).map { LatencyPoint(at: $0.at, timings: PhaseTimings(dnsMs: 1, connectMs: connectMs, totalMs: connectMs)) }
    }

    static let api = ComponentModel(
        id: "api", name: "Public API \(scriptTag)", description: "REST API used by the apps", groupID: "core", position: 0,
        status: .majorOutage, automaticStatus: .majorOutage, isStale: false, lastResultAt: now.addingTimeInterval(-120),
        uptime: UptimeWindows(h24: 96.52, d7: 99.5, d30: 99.87, d60: 99.9, d90: 99.93),
        daily: daily(seed: 1, worst: { $0 == historyDays - 1 ? .majorOutage : ($0 == 12 ? .partialOutage : .operational) }),
        responseTimes: series(base: 110),
        latency: LatencyPercentiles(h24: Percentiles(p50: 120, p95: 240, p99: 410), d7: Percentiles(p50: 115, p95: 230, p99: 390)),
        checks: [
            CheckModel(id: "health", type: .http, status: .down, at: now.addingTimeInterval(-120), latencyMs: 312,
                       timings: PhaseTimings(dnsMs: 3, connectMs: 15, tlsMs: 45, ttfbMs: 300, totalMs: 312), httpStatus: 503,
                       errorKind: .httpStatus, errorMessage: "HTTP 503 from \(scriptTag)",
                       target: "https://api.acme.dev/health?x=\(imgTag)", isPublic: true,
                       responseTimes: series(base: 110),
                       latency: LatencyPercentiles(h24: Percentiles(p50: 120, p95: 240, p99: 410), d7: Percentiles(p50: 115, p95: 230, p99: 390))),
            CheckModel(id: "db", type: .tcp, status: .down, at: now.addingTimeInterval(-120), latencyMs: nil,
                       timings: PhaseTimings(dnsMs: 2, totalMs: 1002), errorKind: .connect,
                       responseTimes: connectSeries(connectMs: 2),
                       latency: LatencyPercentiles(h24: Percentiles(p50: 2, p95: 3, p99: 4))),
        ],
        incidentIDs: ["2026-11-20-api-errors"], maintenanceIDs: [], firstSeenAt: now.addingTimeInterval(-400 * day))

    static let web = ComponentModel(
        id: "web", name: "Website", description: nil, groupID: "core", position: 1,
        status: .degradedPerformance, automaticStatus: .degradedPerformance, isStale: false, lastResultAt: now.addingTimeInterval(-60),
        uptime: UptimeWindows(h24: 100, d7: 100, d30: 99.99, d60: 99.99, d90: 99.99),
        daily: daily(seed: 2, worst: { $0 == 20 ? .degradedPerformance : .operational }),
        responseTimes: series(base: 700),
        checks: [CheckModel(id: "home", type: .http, status: .degraded, at: now.addingTimeInterval(-60), latencyMs: 912,
                            timings: PhaseTimings(dnsMs: 2, connectMs: 10, tlsMs: 30, ttfbMs: 880, totalMs: 912), httpStatus: 200,
                            errorKind: .slow, responseTimes: series(base: 700)),
                 CheckModel(id: "www", type: .http, status: .down, at: now.addingTimeInterval(-60), latencyMs: nil,
                            timings: PhaseTimings(totalMs: 4), errorKind: .dns),
                 CheckModel(id: "checkout", type: .flow, status: .down, at: now.addingTimeInterval(-60), latencyMs: 180,
                            httpStatus: 500, errorKind: .httpStatus, errorSummary: "step orders: http_status",
                            steps: [
                                FlowStepModel(name: "login", status: .up, httpStatus: 200,
                                              timings: PhaseTimings(dnsMs: 1, connectMs: 4, tlsMs: 20, ttfbMs: 60, totalMs: 62)),
                                FlowStepModel(name: "orders", status: .down, httpStatus: 500,
                                              timings: PhaseTimings(dnsMs: 1, connectMs: 5, tlsMs: 22, ttfbMs: 115, totalMs: 118),
                                              errorKind: .httpStatus, errorSummary: "items: expected len > 0 \(scriptTag)"),
                                FlowStepModel(name: "logout", status: nil),
                            ])],
        incidentIDs: ["2026-11-10-web-slow"], firstSeenAt: now.addingTimeInterval(-400 * day))

    static let db = ComponentModel(
        id: "db", name: "Database", description: "Primary PostgreSQL cluster", groupID: "data", position: 2,
        status: .underMaintenance, automaticStatus: .operational, isStale: false, lastResultAt: now.addingTimeInterval(-60),
        uptime: UptimeWindows(h24: 100, d7: 100, d30: 100, d60: 100, d90: 100),
        daily: daily(seed: 3, worst: { $0 == historyDays - 1 ? .underMaintenance : .operational }),
        responseTimes: series(base: 20).map { LatencyPoint(at: $0.at, timings: PhaseTimings(dnsMs: 1, connectMs: 3, totalMs: 3)) },
        checks: [CheckModel(id: "db", type: .tcp, status: .up, at: now.addingTimeInterval(-60), latencyMs: 3,
                            timings: PhaseTimings(dnsMs: 1, connectMs: 3, totalMs: 3), responseTimes: connectSeries(connectMs: 3))],
        maintenanceIDs: ["db-upgrade"], firstSeenAt: now.addingTimeInterval(-400 * day),
        locations: [
            LocationStatusModel(name: "ams", status: .operational, latencyMs: 3, lastResultAt: now.addingTimeInterval(-60), isStale: false),
            LocationStatusModel(name: "sfo", status: nil, latencyMs: nil, lastResultAt: now.addingTimeInterval(-3600), isStale: true),
        ])

    static let search = ComponentModel(
        id: "search", name: "Search", description: "Full-text search", groupID: "data", position: 3,
        status: .operational, automaticStatus: nil, isStale: true, lastResultAt: nil,
        uptime: UptimeWindows(), daily: daily(seed: 4, noDataBefore: historyDays),
        // One hour of lookups: percentiles, but not yet two points for a chart.
        checks: [CheckModel(id: "dns", type: .dns, status: nil,
                            responseTimes: [LatencyPoint(at: now.addingTimeInterval(-hour), timings: PhaseTimings(dnsMs: 9, totalMs: 9))],
                            latency: LatencyPercentiles(h24: Percentiles(p50: 9, p95: 14, p99: 21)))])

    static let cdn = ComponentModel(
        id: "cdn", name: "CDN", description: "Static assets", groupID: nil, position: 4,
        status: .operational, automaticStatus: .operational, isStale: false, lastResultAt: now.addingTimeInterval(-30),
        uptime: UptimeWindows(h24: 100, d7: 100, d30: 100, d60: 100, d90: 99.999),
        daily: daily(seed: 5, noDataBefore: 10), responseTimes: series(base: 30),
        checks: [CheckModel(id: "edge", type: .http, status: .up, at: now.addingTimeInterval(-30), latencyMs: 41,
                            timings: PhaseTimings(dnsMs: 1, connectMs: 5, tlsMs: 15, ttfbMs: 38, totalMs: 41), httpStatus: 200,
                            target: "https://cdn.acme.dev/ping", isPublic: true, responseTimes: series(base: 30))],
        firstSeenAt: now.addingTimeInterval(-20 * day))

    // MARK: incidents

    static let openIncident = IncidentModel(
        id: "2026-11-20-api-errors", title: "Elevated API error rates \(scriptTag)", impact: .major, status: .identified,
        components: [AffectedComponent(id: "api", name: "Public API \(scriptTag)", status: .majorOutage)],
        rootCause: "Connection pool exhaustion \(iframeTag)",
        updates: [
            IncidentUpdateModel(at: now.addingTimeInterval(-1 * hour), status: .identified, eta: now.addingTimeInterval(2 * hour),
                                message: "A bad deploy exhausted the **connection pool**.",
                                messageHTML: "<p>A bad deploy exhausted the <strong>connection pool</strong>. Rolling back.</p>"),
            IncidentUpdateModel(at: now.addingTimeInterval(-2 * hour), status: .investigating,
                                message: "We are seeing elevated 5xx rates.", messageHTML: "<p>We are seeing elevated 5xx rates on the API.</p>"),
        ],
        body: "Timeline follows.", bodyHTML: "<p>Timeline follows.</p>",
        startedAt: now.addingTimeInterval(-2 * hour), updatedAt: now.addingTimeInterval(-1 * hour), createdAt: now.addingTimeInterval(-2 * hour))

    static let resolvedIncident = IncidentModel(
        id: "2026-11-10-web-slow", title: "Slow website", impact: .minor, status: .resolved,
        components: [AffectedComponent(id: "web", name: "Website", status: .degradedPerformance)],
        updates: [
            IncidentUpdateModel(at: now.addingTimeInterval(-9.8 * day), status: .resolved, message: "Back to normal.",
                                messageHTML: "<p>Back to normal.</p>"),
            IncidentUpdateModel(at: now.addingTimeInterval(-10 * day), status: .investigating, message: "Pages load slowly.",
                                messageHTML: "<p>Pages load slowly.</p>"),
        ],
        startedAt: now.addingTimeInterval(-10 * day), updatedAt: now.addingTimeInterval(-9.8 * day),
        resolvedAt: now.addingTimeInterval(-9.8 * day), createdAt: now.addingTimeInterval(-10 * day))

    static let oldIncident = IncidentModel(
        id: "2025-03-01-outage", title: "Full outage", impact: .critical, status: .resolved,
        components: [AffectedComponent(id: "api", name: "Public API", status: .majorOutage),
                     AffectedComponent(id: "legacy", name: "Legacy system", status: .majorOutage)],
        rootCause: "Power loss", updates: [
            IncidentUpdateModel(at: now.addingTimeInterval(-629 * day), status: .resolved, message: "Fixed.", messageHTML: "<p>Fixed.</p>"),
            IncidentUpdateModel(at: now.addingTimeInterval(-629.1 * day), status: .investigating, message: "Down.", messageHTML: "<p>Down.</p>"),
        ],
        startedAt: now.addingTimeInterval(-629.1 * day), updatedAt: now.addingTimeInterval(-629 * day),
        resolvedAt: now.addingTimeInterval(-629 * day), createdAt: now.addingTimeInterval(-629.1 * day))

    // MARK: maintenance

    static let upcomingWindow = MaintenanceModel(
        id: "2026-11-25-network", title: "Network upgrade \(imgTag)", state: .scheduled,
        scheduledFor: now.addingTimeInterval(5 * day), scheduledUntil: now.addingTimeInterval(5 * day + 2 * hour),
        components: [AffectedComponent(id: "cdn", name: "CDN", status: .underMaintenance)],
        bodyHTML: "<p>Short interruptions are possible.</p>",
        createdAt: now.addingTimeInterval(-1 * day), updatedAt: now.addingTimeInterval(-1 * day))

    static let activeWindow = MaintenanceModel(
        id: "db-upgrade", title: "Database upgrade", state: .inProgress,
        scheduledFor: now.addingTimeInterval(-1 * hour), scheduledUntil: now.addingTimeInterval(1 * hour),
        components: [AffectedComponent(id: "db", name: "Database", status: .underMaintenance)],
        updates: [MaintenanceUpdateModel(at: now.addingTimeInterval(-1 * hour), state: .inProgress, message: "Started.",
                                         messageHTML: "<p>Started.</p>")],
        createdAt: now.addingTimeInterval(-3 * day), updatedAt: now.addingTimeInterval(-1 * hour))

    static let cancelledWindow = MaintenanceModel(
        id: "2026-11-05-dns", title: "DNS provider switch", state: .cancelled,
        scheduledFor: now.addingTimeInterval(-15 * day), scheduledUntil: now.addingTimeInterval(-15 * day + hour),
        components: [AffectedComponent(id: "cdn", name: "CDN", status: .underMaintenance)],
        createdAt: now.addingTimeInterval(-20 * day), updatedAt: now.addingTimeInterval(-16 * day))
}
