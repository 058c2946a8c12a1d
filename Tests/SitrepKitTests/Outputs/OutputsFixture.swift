import Foundation
@testable import SitrepKit

/// A hand-built site covering every case the machine outputs must handle: a down, a degraded, a stale, an
/// under-maintenance and an incident-raised component; groups; resolved and open incidents; scheduled,
/// in-progress, completed (recent and old) and cancelled maintenance; and hostile strings in titles.
enum OutputsFixture {
    static let hostile = "<script>alert(1)</script> \"&'"
    static let now = date("2026-11-20T12:00:00Z")
    static let siteURL = "https://status.example.com"

    static func date(_ text: String) -> Date {
        guard let value = Timestamp.parse(text) else { preconditionFailure("bad fixture date \(text)") }
        return value
    }

    static func hours(_ count: Double) -> Date { now.addingTimeInterval(count * 3600) }

    static func days(_ count: Double) -> Date { now.addingTimeInterval(count * 86_400) }

    static func bars(uptime: Double?, status: ComponentStatus?) -> [DailyBar] {
        (0..<3).map { offset in
            let start = days(Double(offset - 3))
            return DailyBar(date: String(Timestamp.json(start).prefix(10)), start: start, uptime: uptime,
                            worstStatus: status, incidentIDs: offset == 2 ? ["db-failover"] : [])
        }
    }

    static var components: [ComponentModel] {
        [
            ComponentModel(
                id: "api", name: "Public API", description: "REST API \(hostile)", groupID: "core", position: 0,
                status: .majorOutage, automaticStatus: .majorOutage, isStale: false, lastResultAt: hours(-0.1),
                uptime: UptimeWindows(h24: 91.5, d7: 98.25, d30: 99.512, d60: 99.7, d90: 99.8),
                daily: bars(uptime: 99.5, status: .majorOutage),
                latency: LatencyPercentiles(h24: Percentiles(p50: 120, p95: 340.25, p99: 800), d7: nil, d30: nil),
                checks: [
                    CheckModel(id: "health", type: .http, status: .down, at: hours(-0.1), latencyMs: 5000,
                               timings: PhaseTimings(dnsMs: 1, connectMs: 5000, tlsMs: 5000, ttfbMs: 5000, totalMs: 5000),
                               errorKind: .connect, errorMessage: "connect to 10.0.0.1 \(hostile)",
                               target: "https://api.example.com/health", isPublic: true),
                ],
                incidentIDs: ["db-failover"], firstSeenAt: days(-200)),
            ComponentModel(
                id: "web", name: "Website", groupID: "core", position: 1, status: .degradedPerformance,
                automaticStatus: .degradedPerformance, isStale: false, lastResultAt: hours(-0.1),
                uptime: UptimeWindows(h24: 100, d7: 100, d30: 100, d60: 100, d90: 100),
                checks: [CheckModel(id: "home", type: .http, status: .degraded, at: hours(-0.1), latencyMs: 1900,
                                    httpStatus: 200, errorKind: .slow)],
                firstSeenAt: days(-200)),
            ComponentModel(
                id: "db", name: "Database", groupID: "data", position: 2, status: .underMaintenance,
                automaticStatus: .operational, isStale: false, lastResultAt: hours(-0.1),
                uptime: UptimeWindows(d30: 99.99), maintenanceIDs: ["db-upgrade", "old-cleanup"],
                firstSeenAt: days(-200)),
            ComponentModel(
                id: "search", name: "Search \(hostile)", position: 3, status: .partialOutage,
                automaticStatus: .operational, isStale: false, lastResultAt: hours(-0.1),
                uptime: UptimeWindows(d30: 99.999), incidentIDs: ["search-slow"], firstSeenAt: days(-30)),
            ComponentModel(
                id: "legacy", name: "Legacy FTP", position: 4, status: .operational, automaticStatus: nil,
                isStale: true, lastResultAt: days(-2), uptime: UptimeWindows(), daily: bars(uptime: nil, status: nil)),
        ]
    }

    static func affected(_ id: String, _ status: ComponentStatus) -> AffectedComponent {
        AffectedComponent(id: id, name: components.first { $0.id == id }?.name ?? id, status: status)
    }

    static var incidents: [IncidentModel] {
        [
            IncidentModel(
                id: "search-slow", title: "Slow search \(hostile)", impact: .major, status: .identified,
                components: [affected("search", .partialOutage)], rootCause: "Index \(hostile)",
                updates: [
                    IncidentUpdateModel(at: hours(-1), status: .identified, eta: hours(2),
                                        message: "Reindexing. \(hostile)",
                                        messageHTML: "<p>Reindexing. &lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;</p>"),
                    IncidentUpdateModel(at: hours(-2), status: .investigating, message: "Looking **into** it.",
                                        messageHTML: "<p>Looking <strong>into</strong> it.</p>"),
                ],
                startedAt: hours(-2), updatedAt: hours(-1), createdAt: hours(-2)),
            IncidentModel(
                id: "db-failover", title: "Database failover", impact: .critical, status: .resolved,
                components: [affected("api", .majorOutage), affected("db", .majorOutage)],
                updates: [
                    IncidentUpdateModel(at: days(-1), status: .resolved, message: "Fixed.", messageHTML: "<p>Fixed.</p>"),
                    IncidentUpdateModel(at: days(-1.1), status: .monitoring, message: "Watching.", messageHTML: "<p>Watching.</p>"),
                    IncidentUpdateModel(at: days(-1.2), status: .investigating, message: "Down.", messageHTML: "<p>Down.</p>"),
                ],
                body: "Postmortem.", bodyHTML: "<p>Postmortem.</p>",
                startedAt: days(-1.2), updatedAt: days(-1), monitoringAt: days(-1.1), resolvedAt: days(-1),
                createdAt: days(-1.2)),
        ]
    }

    static func window(_ id: String, _ title: String, _ state: MaintenanceState, from: Date, to: Date,
                       updates: [MaintenanceUpdateModel] = []) -> MaintenanceModel {
        MaintenanceModel(id: id, title: title, state: state, scheduledFor: from, scheduledUntil: to,
                         components: [affected("db", .underMaintenance)], updates: updates,
                         createdAt: from.addingTimeInterval(-7 * 86_400), updatedAt: updates.first?.at ?? from.addingTimeInterval(-7 * 86_400))
    }

    /// Newest first by scheduled start, as the model builder orders them.
    static var maintenance: [MaintenanceModel] {
        [
            window("next-upgrade", "Storage upgrade \(hostile)", .scheduled, from: days(7), to: days(7.1)),
            window("cancelled-migration", "Region migration", .cancelled, from: days(3), to: days(3.2),
                   updates: [MaintenanceUpdateModel(at: hours(-5), state: .cancelled, message: "Called off; see you soon.",
                                                    messageHTML: "<p>Called off; see you soon.</p>")]),
            window("db-upgrade", "Database upgrade", .inProgress, from: hours(-1), to: hours(1),
                   updates: [MaintenanceUpdateModel(at: hours(-1), state: .inProgress, message: "Started.",
                                                    messageHTML: "<p>Started.</p>")]),
            window("old-cleanup", "Old data cleanup", .completed, from: days(-10), to: days(-9.9)),
            window("ancient", "Ancient work", .completed, from: days(-400), to: days(-399.9)),
        ]
    }

    static var model: SiteModel {
        SiteModel(
            generatedAt: now,
            site: SiteSettings(title: "Acme \(hostile)", url: siteURL, description: "Acme status \(hostile)",
                               timezone: TimeZone(identifier: "Europe/Berlin") ?? .gmt, historyDays: 90, refreshSeconds: 60),
            indicator: .major,
            groups: [
                GroupModel(id: "core", name: "Core \(hostile)", componentIDs: ["api", "web"], status: .majorOutage),
                GroupModel(id: "data", name: "Data", componentIDs: ["db"], status: .underMaintenance),
            ],
            components: components, incidents: incidents, maintenance: maintenance)
    }
}
