import Foundation
@testable import SitrepKit

/// Hand-made inputs for the model builder tests: every value is built directly, no database or files.
enum Fixture {
    /// A UTC instant from ISO 8601 (`distantPast` for a typo, which then fails the test visibly).
    static func at(_ text: String) -> Date { Timestamp.parse(text) ?? .distantPast }

    /// The build's now in most tests: a whole UTC hour.
    static let now = at("2026-11-20T12:00:00Z")

    static func check(_ component: String, _ id: String, isPublic: Bool = false,
                      displayTarget: String = "db.internal:5432") -> CheckConfig {
        CheckConfig(componentID: component, id: id, target: .tcp(host: "db.internal", port: 5432), timeoutMs: 1000,
                    isPublic: isPublic, displayTarget: displayTarget)
    }

    static func component(_ id: String, group: String? = nil, checks: [String] = ["a", "b"]) -> ComponentConfig {
        ComponentConfig(id: id, name: "Name of \(id)", group: group, description: "About \(id)",
                        checks: checks.map { check(id, $0) })
    }

    static func config(
        components: [ComponentConfig] = [component("api")], groups: [GroupConfig] = [],
        timezone: TimeZone = .gmt, historyDays: Int = 3, staleAfterS: Int = 900,
        weights: UptimeWeights = UptimeWeights(), secrets: SecretRedactor = SecretRedactor()
    ) -> SiteConfig {
        let folder = URL(fileURLWithPath: "/srv/status")
        return SiteConfig(
            configFile: folder.appendingPathComponent("sitrep.yml"),
            site: SiteSettings(title: "Acme", url: "https://status.acme.dev", timezone: timezone, historyDays: historyDays),
            paths: PathSettings(database: folder, content: folder, templates: folder, output: folder),
            probe: ProbeSettings(staleAfterS: staleAfterS), retention: RetentionSettings(), uptime: weights,
            groups: groups, components: components, secrets: secrets)
    }

    static func result(_ component: String, _ check: String, _ status: CheckStatus, at: Date = now.addingTimeInterval(-60),
                       error: ProbeError? = nil, latencyMs: Double? = 42) -> CheckResult {
        CheckResult(componentID: component, checkID: check, type: .tcp, at: at, status: status, latencyMs: latencyMs,
                    httpStatus: nil, timings: PhaseTimings(connectMs: 40, totalMs: 42), error: error)
    }

    static func rollup(_ component: String = "api", _ granularity: RollupGranularity = .hourly, _ start: String,
                       operational: Int = 0, degraded: Int = 0, partial: Int = 0, major: Int = 0) -> ComponentRollup {
        var rollup = ComponentRollup(componentID: component, granularity: granularity, bucketStart: at(start))
        rollup.operational = operational
        rollup.degradedPerformance = degraded
        rollup.partialOutage = partial
        rollup.majorOutage = major
        return rollup
    }

    static func snapshot(
        now: Date = now, days: Int = 90, latest: [CheckResult] = [], hourly: [ComponentRollup] = [],
        daily: [ComponentRollup] = [], checkHourly: [CheckRollup] = [], checkDaily: [CheckRollup] = []
    ) -> StoreSnapshot {
        StoreSnapshot(now: now, days: days, latestRun: nil, latestResults: latest, componentHourly: hourly,
                      componentDaily: daily, checkHourly: checkHourly, checkDaily: checkDaily, recentResults: [])
    }

    /// An incident with an `investigating` update at `start` and, if given, a `resolved` one.
    static func incident(_ id: String, impact: Impact, components: [ComponentReference] = [ComponentReference(id: "api")],
                         start: Date, resolved: Date? = nil) -> Incident {
        var updates = [IncidentUpdate(at: start, status: .investigating, message: "Looking into it.")]
        if let resolved { updates.insert(IncidentUpdate(at: resolved, status: .resolved, message: "Fixed."), at: 0) }
        return Incident(id: id, title: "Incident \(id)", impact: impact, components: components, updates: updates)
    }

    static func maintenance(_ id: String, components: [String] = ["api"], from: Date, until: Date,
                            cancelled: Bool = false) -> Maintenance {
        Maintenance(id: id, title: "Window \(id)", components: components.map { ComponentReference(id: $0) },
                    scheduledFor: from, scheduledUntil: until, cancelled: cancelled)
    }

    static func build(
        config: SiteConfig = config(), snapshot: StoreSnapshot = snapshot(), content: SiteContent = SiteContent(),
        now: Date = now
    ) -> SiteModel {
        SiteModelBuilder.build(config: config, snapshot: snapshot, content: content, now: now)
    }

    /// The only component of a one-component build.
    static func api(_ model: SiteModel) -> ComponentModel? { model.component("api") }
}

extension Double {
    /// Equal within rounding error.
    func isClose(to other: Double?) -> Bool {
        guard let other else { return false }
        return abs(self - other) < 1e-9
    }
}
