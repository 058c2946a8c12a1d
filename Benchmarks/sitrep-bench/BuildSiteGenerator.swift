import Foundation
import SitrepKit

/// make-site DIR: a synthetic status site for the build benchmark — 500 components in 10 groups (one HTTP
/// check each), 1,000 incident files over two years, a few maintenance windows, and a database holding
/// 90 days of 1-minute results. The last 24 hours are appended through `ResultStore.append` (raw results,
/// latest results and rollups exactly as probes write them); the 89 days before are imported as the
/// hourly and daily rollups those 1-minute results give (`ResultStore.importRollups`). Deterministic: the
/// same folder comes out every time, pinned to `BuildSiteGenerator.now`.
enum BuildSiteGenerator {
    static let now = Date(timeIntervalSince1970: 1_795_435_200) // 2026-11-23T12:00:00Z
    static let components = 500
    static let groups = 10
    static let incidents = 1_000
    static let days = 90

    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            print("usage: sitrep-bench make-site DIR")
            exit(64)
        }
        let root = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/incidents"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/maintenance"), withIntermediateDirectories: true)
        try Data(config().utf8).write(to: root.appendingPathComponent("sitrep.yml"))
        try writeContent(into: root.appendingPathComponent("content"))
        let database = root.appendingPathComponent("data/sitrep.sqlite")
        try? FileManager.default.removeItem(at: database)
        let elapsed = try measureMs { try writeDatabase(at: database) }
        print("make-site: \(components) components, \(incidents) incidents, \(days) days of 1-minute results in \(format(elapsed))")
    }

    static func componentID(_ index: Int) -> String { String(format: "svc-%03d", index) }

    static func config() -> String {
        var lines = [
            "site:", "  title: Bench Status", "  url: https://status.bench.example", "  timezone: Europe/Berlin",
            "  history_days: \(days)", "  refresh_seconds: 60", "probe:", "  timeout_ms: 2000", "groups:",
        ]
        for group in 0..<groups { lines.append("  - {id: group-\(group), name: Group \(group)}") }
        lines.append("components:")
        for index in 0..<components {
            lines.append("  - id: \(componentID(index))")
            lines.append("    name: Service \(index)")
            lines.append("    group: group-\(index % groups)")
            lines.append("    checks:")
            lines.append("      - {id: http, type: http, url: \"https://svc-\(index).bench.example/health\", public: \(index % 2 == 0)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func writeContent(into content: URL) throws {
        let statuses = ["resolved", "monitoring", "identified", "investigating"]
        let impacts = ["minor", "major", "critical", "none"]
        for index in 0..<incidents {
            // Spread over two years, newest first; every 250th one is still open.
            let start = now.addingTimeInterval(-Double(index) * 63_000 - 3_600)
            let open = index % 250 == 0
            var updates: [String] = []
            for step in (0..<4).reversed() where !(open && step == 3) {
                let at = start.addingTimeInterval(Double(step) * 1_200)
                updates.append("""
                  - at: \(Timestamp.json(at))
                    status: \(statuses[3 - step])
                    message: Update \(step) on incident \(index); the **API** answered with `5xx` for some requests.
                """)
            }
            let affected = [componentID(index % components), componentID((index * 7 + 3) % components)]
            let text = """
            ---
            title: Incident \(index) on \(affected[0])
            impact: \(impacts[index % impacts.count])
            components: [\(Set(affected).sorted().joined(separator: ", "))]
            root_cause: A configuration change in release \(index).
            updates:
            \(updates.joined(separator: "\n"))
            ---
            ## Postmortem

            | Time | Event |
            |---|---|
            | 09:00 | Deploy |
            | 09:20 | Rollback |

            - [x] Add an alert
            - [ ] Add a canary
            """
            try Data(text.utf8).write(to: content.appendingPathComponent("incidents/incident-\(String(format: "%04d", index)).md"))
        }
        for index in 0..<6 {
            let start = now.addingTimeInterval(Double(index - 3) * 5 * 86_400)
            let text = """
            ---
            title: Maintenance window \(index)
            components: [\(componentID(index * 11)), \(componentID(index * 13 + 1))]
            scheduled_for: \(Timestamp.json(start))
            scheduled_until: \(Timestamp.json(start.addingTimeInterval(5_400)))
            ---
            Planned work on the storage tier.
            """
            try Data(text.utf8).write(to: content.appendingPathComponent("maintenance/window-\(index).md"))
        }
    }

    /// The status and latency of component `index` at minute `minute` (minutes since the epoch): mostly up,
    /// a few degraded hours, rare outages.
    static func sample(_ index: Int, minute: Int) -> (CheckStatus, Double) {
        let hour = minute / 60
        let hash = (hour &* 2_654_435_761 &+ index &* 40_503) & 0xFFFF
        let status: CheckStatus = hash < 40 ? .down : hash < 400 ? .degraded : .up
        let latency = 80 + Double((minute &* 31 &+ index &* 17) % 120) + (status == .degraded ? 900 : 0)
        return (status, latency)
    }

    static func result(_ index: Int, minute: Int) -> CheckResult {
        let (status, latency) = sample(index, minute: minute)
        return CheckResult(
            componentID: componentID(index), checkID: "http", type: .http,
            at: Date(timeIntervalSince1970: Double(minute) * 60), status: status,
            latencyMs: status == .down ? nil : latency, httpStatus: status == .down ? nil : 200,
            timings: PhaseTimings(dnsMs: 2, connectMs: 6, tlsMs: 18, ttfbMs: latency - 10, totalMs: latency),
            error: status == .up ? nil : ProbeError(kind: status == .down ? .timeout : .slow, message: "synthetic"))
    }

    static func writeDatabase(at url: URL) throws {
        let store = try ResultStore.open(at: url)
        let nowMinute = Int(now.timeIntervalSince1970) / 60
        let firstMinute = nowMinute - days * 1_440
        let rawFrom = nowMinute - 1_440
        // Rollups of the older days, imported one day at a time.
        var dayStart = firstMinute
        while dayStart < rawFrom {
            let dayEnd = min(dayStart + 1_440, rawFrom)
            var checks: [String: CheckRollup] = [:]
            var componentRollups: [String: ComponentRollup] = [:]
            for minute in dayStart..<dayEnd {
                let at = Date(timeIntervalSince1970: Double(minute) * 60)
                for index in 0..<components {
                    let result = result(index, minute: minute)
                    let component = ComponentStatus.automatic(from: [result.status]) ?? .operational
                    for granularity in RollupGranularity.allCases {
                        let start = granularity.bucketStart(of: at)
                        let key = "\(granularity.rawValue)\(Int(start.timeIntervalSince1970))\(index)"
                        checks[key, default: CheckRollup(componentID: result.componentID, checkID: "http",
                                                         granularity: granularity, bucketStart: start)].record(result)
                        componentRollups[key, default: ComponentRollup(componentID: result.componentID,
                                                                       granularity: granularity, bucketStart: start)].record(component)
                    }
                }
            }
            try store.importRollups(checks: Array(checks.values), components: Array(componentRollups.values))
            dayStart = dayEnd
        }
        // The last 24 hours through the real append path, one run a minute.
        for minute in rawFrom..<nowMinute {
            let results = (0..<components).map { result($0, minute: minute) }
            try store.append(ProbeRun(startedAt: Date(timeIntervalSince1970: Double(minute) * 60), durationMs: 900, location: "bench"),
                             results: results)
        }
        try store.checkpoint()
    }
}
