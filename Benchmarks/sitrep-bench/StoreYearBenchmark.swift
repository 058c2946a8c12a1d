import Foundation
import SitrepKit

/// store-year [DAYS] [SITE]: a year (or DAYS) of 500 checks (100 components x 5) probed once a minute, with 1 % of
/// the checks flapping (down in a fifth of the minutes, at random), written with default retention the way `probe`
/// leaves it: `ResultStore.appendBatch` six hours of runs at a time (the rows `append` then `prune` leave, see
/// `StoreBatchAppendTests`), and `prune` after every batch. Then reports the file size, the bytes per kind of row,
/// the append (median, p95) and prune time of runs of 1,000 results on that file (through `append`, as `probe`
/// does) and the time `snapshot(days: 90)` takes on it. With SITE the database stays in SITE/data/sitrep.sqlite
/// beside a SITE/sitrep.yml showing its components, for `scripts/bench` to time a full build on it.
enum StoreYearBenchmark {
    static let components = 100
    static let checksPerComponent = 5
    static let now = Date(timeIntervalSince1970: 1_795_435_200) // 2026-11-23T12:00:00Z

    struct Check {
        var componentID: String
        var checkID: String
        var flapping: Bool
        var index: Int
    }

    static let checks: [Check] = (0..<(components * checksPerComponent)).map { index in
        Check(componentID: "component-\(index / checksPerComponent)", checkID: "check-\(index % checksPerComponent)",
              flapping: index % 100 == 42, index: index)
    }

    static func result(_ check: Check, minute: Int, at: Date) -> CheckResult {
        let hash = (minute &* 2_654_435_761 &+ check.index &* 40_503) & 0xFFFF
        let down = check.flapping && hash % 5 == 0
        // Whole microseconds, as libcurl reports them.
        let latency = Double(80_000 + (minute &* 31 &+ check.index &* 17) % 120_000 + hash % 1_000) / 1000
        if down {
            return CheckResult(componentID: check.componentID, checkID: check.checkID, type: .http, at: at, status: .down,
                               latencyMs: nil, httpStatus: nil, timings: nil,
                               error: ProbeError(kind: .connect, message: "Could not connect: connection refused."),
                               attempts: 2)
        }
        return CheckResult(componentID: check.componentID, checkID: check.checkID, type: .http, at: at, status: .up,
                           latencyMs: latency, httpStatus: 200,
                           timings: PhaseTimings(dnsMs: 1.204, connectMs: 3.517, tlsMs: 14.93, ttfbMs: latency - 2.25, totalMs: latency),
                           error: nil)
    }

    static func run(_ arguments: [String]) throws {
        let days = arguments.first.flatMap(Int.init) ?? 365
        // With a SITE folder the database and a site configuration for its components are kept there, for
        // `scripts/bench` to time a full `sitrep build` on the year-old file.
        let site = arguments.count > 1 ? URL(fileURLWithPath: arguments[1]) : nil
        let folder = site ?? FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-year-\(UUID().uuidString)")
        defer { if site == nil { try? FileManager.default.removeItem(at: folder) } }
        let url = folder.appendingPathComponent("data/sitrep.sqlite")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        let store = try ResultStore.open(at: url)
        let retention = RetentionSettings()
        let nowMinute = Int(now.timeIntervalSince1970) / 60
        let elapsed = try measureMs { try writeYear(store, days: days, nowMinute: nowMinute, retention: retention) }
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        print("store-year: \(days) days of \(checks.count) checks every minute (1 % flapping), default retention, "
              + "written in \(String(format: "%.0f s", elapsed / 1000))")
        print("store-year: file size \(String(format: "%.1f MB", Double(size) / 1_000_000)) (target <= 150 MB for 365 days)")
        if let inventory = try ResultStore.inventory(at: url) {
            for table in inventory.tables where table.rows > 0 || (table.bytes ?? 0) > 4096 {
                let bytes = table.bytes.map { String(format: "%.1f MB", Double($0) / 1_000_000) } ?? "?"
                let perRow = table.bytes.map { table.rows > 0 ? " (\($0 / table.rows) B a row)" : "" } ?? ""
                print("   \(table.name): \(table.rows) rows, \(bytes)\(perRow)")
            }
        }
        try appendSamples(store, from: nowMinute, retention: retention)
        var snapshot: StoreSnapshot?
        var reads: [(wall: Double, cpu: Double)] = []
        for _ in 0..<3 {
            reads.append(try measureWallAndCPUMs { snapshot = try store.snapshot(now: buildNow, days: 90) })
        }
        print("store-year: snapshot(days: 90) read in \(format(median(reads.map(\.wall)))) wall, \(format(median(reads.map(\.cpu)))) CPU "
              + "(median of 3; \(snapshot?.statusRunHistory.statusRuns.count ?? 0) status runs, \(snapshot?.statusRunHistory.runIDs.count ?? 0) runs)")
        try store.close()
        if site != nil { try Data(siteConfig().utf8).write(to: folder.appendingPathComponent("sitrep.yml")) }
    }

    /// Append samples taken on the year-old file, one a minute after `now`.
    static let appendSamples = 40

    /// Runs of 1,000 results (the 500 checks and 500 more) through `append`, one a minute from `firstMinute`, each
    /// followed by a `prune`, as `probe` does; prints the wall and CPU time of the appends and the prune time.
    static func appendSamples(_ store: ResultStore, from firstMinute: Int, retention: RetentionSettings) throws {
        let more = (0..<500).map { Check(componentID: "extra-\($0 / 5)", checkID: "check-\($0 % 5)", flapping: false, index: 500 + $0) }
        var appendTimes: [(wall: Double, cpu: Double)] = []
        var pruneTimes: [Double] = []
        for sample in 0..<appendSamples {
            let minute = firstMinute + sample
            let at = Date(timeIntervalSince1970: Double(minute) * 60)
            let results = (checks + more).map { result($0, minute: minute, at: at) }
            appendTimes.append(try measureWallAndCPUMs {
                try store.append(ProbeRun(startedAt: at, durationMs: 850, location: "default"), results: results)
            })
            pruneTimes.append(try measureMs { try store.prune(now: at, keeping: retention) })
        }
        let wall = appendTimes.map(\.wall), cpu = appendTimes.map(\.cpu)
        print("store-year: append of 1 run x 1,000 results on that file, \(appendSamples) samples: wall median "
              + "\(format(median(wall))), p95 \(format(percentile(wall, 0.95))), max \(format(wall.max() ?? .nan)); CPU median "
              + "\(format(median(cpu))), p95 \(format(percentile(cpu, 0.95))) (target <= 50 ms); prune after it: median \(format(median(pruneTimes)))")
    }

    /// store-append DIR: the append samples again on the database `store-year DAYS DIR` left in DIR (work on a copy:
    /// the file grows), a minute after its last run; for comparing builds on the same file without writing a year.
    static func appendAgain(_ arguments: [String]) throws {
        let url = URL(fileURLWithPath: arguments.first ?? ".").appendingPathComponent("data/sitrep.sqlite")
        guard arguments.count == 1, let last = try ResultStore.inventory(at: url)?.lastRun?.startedAt else {
            print("usage: sitrep-bench store-append DIR (DIR/data/sitrep.sqlite written by `store-year DAYS DIR`, with runs)")
            exit(64)
        }
        let store = try ResultStore.open(at: url)
        try appendSamples(store, from: Int(last.timeIntervalSince1970) / 60 + 1, retention: RetentionSettings())
        try store.close()
    }
    /// The `now` of the snapshot and of the site build: right after the last append sample.
    static let buildNow = now.addingTimeInterval(Double(appendSamples) * 60)

    /// Minutes of runs per `appendBatch`: six hours of 500 results a minute (180,000 results, about 40 MB in memory).
    /// A batch writes each rollup bucket once, so the fewer batches, the faster the year is written.
    static let batchMinutes = 360

    /// The year up to `now`, `batchMinutes` of runs per `appendBatch` and a prune after each: the rows a probe a
    /// minute leaves.
    static func writeYear(_ store: ResultStore, days: Int, nowMinute: Int, retention: RetentionSettings) throws {
        let rawFrom = now.addingTimeInterval(-Double(retention.rawDays) * 86_400)
        var minute = nowMinute - days * 1_440
        while minute < nowMinute {
            let end = min(minute + batchMinutes, nowMinute)
            let runs = (minute..<end).map { minute in
                let at = Date(timeIntervalSince1970: Double(minute) * 60)
                return (run: ProbeRun(startedAt: at, durationMs: 850, location: "default"),
                        results: checks.map { result($0, minute: minute, at: at) })
            }
            try store.appendBatch(runs, rawResultsFrom: rawFrom)
            try store.prune(now: Date(timeIntervalSince1970: Double(end - 1) * 60), keeping: retention)
            minute = end
        }
        try store.checkpoint()
    }

    /// A site showing the benchmark's components (their checks as HTTP checks), 90 days of history, in a time zone
    /// whose local days straddle UTC days: what `sitrep build` reads from the year-old file.
    static func siteConfig() -> String {
        var lines = [
            "site:", "  title: Year Bench Status", "  url: https://status.year.example", "  timezone: Europe/Berlin",
            "  history_days: 90", "components:",
        ]
        for component in 0..<components {
            lines += ["  - id: component-\(component)", "    name: Component \(component)", "    checks:"]
            for check in 0..<checksPerComponent {
                lines.append("      - {id: check-\(check), type: http, url: \"https://c\(component).year.example/\(check)\"}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
