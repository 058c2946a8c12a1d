import Foundation

/// JSON pieces the own API (`api/v1/`) repeats across documents.
enum OwnAPIValues {
    /// Percentages keep three decimals, milliseconds one.
    static func percent(_ value: Double?) -> JSONValue { .number(value, decimals: 3) }

    static func milliseconds(_ value: Double?) -> JSONValue { .number(value, decimals: 1) }

    static func uptime(_ windows: UptimeWindows) -> JSONValue {
        .object([
            "24h": percent(windows.h24), "7d": percent(windows.d7), "30d": percent(windows.d30),
            "60d": percent(windows.d60), "90d": percent(windows.d90),
        ])
    }

    /// A component's daily bars, which `api/v1/status.json` and the component's own document both carry.
    static func daily(_ bars: [DailyBar]) -> JSONValue { .array(bars.map(daily)) }

    static func daily(_ bar: DailyBar) -> JSONValue {
        .object([
            "date": .string(bar.date),
            "uptime": percent(bar.uptime),
            "worst_status": .string(bar.worstStatus?.rawValue),
            "incidents": .array(bar.incidentIDs.map { .string($0) }),
            "maintenance_minutes": .number(bar.maintenanceMinutes, decimals: 1),
        ])
    }

    static func percentiles(_ value: Percentiles?) -> JSONValue {
        guard let value else { return .null }
        return .object(["p50": milliseconds(value.p50), "p95": milliseconds(value.p95), "p99": milliseconds(value.p99)])
    }

    static func latency(_ value: LatencyPercentiles) -> JSONValue {
        .object(["24h": percentiles(value.h24), "7d": percentiles(value.d7), "30d": percentiles(value.d30)])
    }

    static func timings(_ value: PhaseTimings?) -> JSONValue {
        guard let value else { return .null }
        return .object([
            "dns": milliseconds(value.dnsMs), "connect": milliseconds(value.connectMs), "tls": milliseconds(value.tlsMs),
            "ttfb": milliseconds(value.ttfbMs), "total": milliseconds(value.totalMs),
        ])
    }

    static func affected(_ components: [AffectedComponent]) -> JSONValue {
        .array(components.map { .object(["id": .string($0.id), "name": .string($0.name), "status": .string($0.status?.rawValue)]) })
    }

    /// The latest result of one check. `target` and the error `message` appear only when the model carries
    /// them (public checks); the keys are left out otherwise.
    static func check(_ check: CheckModel) -> JSONValue {
        let error = error(kind: check.errorKind, summary: check.errorSummary, message: check.errorMessage)
        var members: JSONMembers = [
            "id": .string(check.id),
            "type": .string(check.type.rawValue),
            "status": .string(check.status?.rawValue),
            "at": .time(check.at),
            "latency_ms": milliseconds(check.latencyMs),
            "http_status": check.httpStatus.map { .int($0) } ?? .null,
            "timings_ms": timings(check.timings),
            "error": error,
        ]
        if let target = check.target { members["target"] = .string(target) }
        if !check.steps.isEmpty { members["steps"] = .array(check.steps.map(step)) }
        return .object(members)
    }

    /// One step of a flow: `status` null when it did not run.
    static func step(_ step: FlowStepModel) -> JSONValue {
        .object([
            "name": .string(step.name),
            "status": .string(step.status?.rawValue),
            "http_status": step.httpStatus.map { .int($0) } ?? .null,
            "timings_ms": timings(step.timings),
            "error": error(kind: step.errorKind, summary: step.errorSummary, message: step.errorMessage),
        ])
    }

    /// `{kind, summary?, message?}` or null: `summary` (what failed, as configured) when there is one, `message`
    /// (with the observed value) only for public checks.
    static func error(kind: ProbeErrorKind?, summary: String?, message: String?) -> JSONValue {
        guard let kind else { return .null }
        var members: JSONMembers = ["kind": .string(kind.rawValue)]
        if let summary { members["summary"] = .string(summary) }
        if let message { members["message"] = .string(message) }
        return .object(members)
    }

    /// One probe location's view of a component (`LocationStatusModel`).
    static func location(_ location: LocationStatusModel) -> JSONValue {
        .object([
            "name": .string(location.name),
            "status": .string(location.status?.rawValue),
            "latency_ms": milliseconds(location.latencyMs),
            "last_result_at": .time(location.lastResultAt),
            "stale": .bool(location.isStale),
        ])
    }

    /// A component as the index page shows it; `daily` is `daily(component.daily)`.
    static func componentSummary(_ component: ComponentModel, daily: JSONValue, links: SiteLinks) -> JSONValue {
        .object([
            "id": .string(component.id),
            "name": .string(component.name),
            "description": .string(component.description),
            "group_id": .string(component.groupID),
            "status": .string(component.status.rawValue),
            "status_label": .string(component.isStale ? "No recent data" : component.status.label),
            "stale": .bool(component.isStale),
            "last_result_at": .time(component.lastResultAt),
            "uptime": uptime(component.uptime),
            "uptime_since": .time(component.uptime.since),
            "daily": daily,
            "url": .string(links.component(component.id)),
        ])
    }
}
