import Foundation
import SitrepKit

/// store-year [DAYS]: a year (or DAYS) of 500 checks (100 components x 5) probed once a minute, with 1 % of the
/// checks flapping (down in a fifth of the minutes, at random), written with default retention the way `probe`
/// leaves it: `ResultStore.appendBatch` an hour of runs at a time (the rows `append` then `prune` leave, see
/// `StoreBatchAppendTests`), and `prune` after every hour. Then reports the file size, the bytes per kind of row,
/// the append and prune time of runs of 1,000 results on that file (through `append`, as `probe` does).
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-year-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("sitrep.sqlite")
        let store = try ResultStore.open(at: url)
        let retention = RetentionSettings()
        let nowMinute = Int(now.timeIntervalSince1970) / 60
        let firstMinute = nowMinute - days * 1_440
        let rawFrom = now.addingTimeInterval(-Double(retention.rawDays) * 86_400)
        var minute = firstMinute
        let elapsed = try measureMs {
            while minute < nowMinute {
                let end = min(minute + 60, nowMinute)
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
        // Runs of 1,000 results (the 500 checks and 500 more) through `append`, then `prune`, as `probe` does.
        let more = (0..<500).map { Check(componentID: "extra-\($0 / 5)", checkID: "check-\($0 % 5)", flapping: false, index: 500 + $0) }
        var appendTimes: [Double] = []
        var pruneTimes: [Double] = []
        for sample in 0..<15 {
            let minute = nowMinute + sample
            let at = Date(timeIntervalSince1970: Double(minute) * 60)
            let results = (checks + more).map { result($0, minute: minute, at: at) }
            appendTimes.append(try measureMs { try store.append(ProbeRun(startedAt: at, durationMs: 850, location: "default"), results: results) })
            pruneTimes.append(try measureMs { try store.prune(now: at, keeping: retention) })
        }
        print("store-year: append of 1 run x 1,000 results on that file, 15 samples: median \(format(median(appendTimes))), "
              + "max \(format(appendTimes.max() ?? .nan)) (target <= 50 ms); prune after it: median \(format(median(pruneTimes)))")
        var snapshot: StoreSnapshot?
        let read = try measureMs { snapshot = try store.snapshot(now: now.addingTimeInterval(15 * 60), days: 90) }
        print("store-year: snapshot(days: 90) read in \(format(read)) (\(snapshot?.statusRunHistory.statusRuns.count ?? 0) status runs)")
    }
}
