import Foundation
import SitrepKit

/// store-commit [CHECKS] [CHECKS_PER_COMPONENT]: append one run of `checks` results (1,000 by default: 100 components
/// x 10 checks) to a database that already holds `historyRuns` such runs, and report the commit time.
func storeCommit(_ arguments: [String]) throws {
    let checks = arguments.first.flatMap(Int.init) ?? 1_000
    let perComponent = arguments.dropFirst().first.flatMap(Int.init) ?? 10
    // The default keeps the figures comparable with earlier ones; larger runs get a shorter history.
    try storeCommit(checks: checks, checksPerComponent: perComponent, historyRuns: checks > 1_000 ? 20 : 200)
}

func storeCommit(checks: Int, checksPerComponent: Int, historyRuns: Int, samples: Int = 15) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ResultStore.open(at: folder.appendingPathComponent("sitrep.sqlite"))
    let now = Date()
    func run(_ index: Int, of total: Int) -> (ProbeRun, [CheckResult]) {
        // One run every 5 minutes, ending now.
        let at = now.addingTimeInterval(Double(index - total) * 300)
        let results = (0..<checks).map { check in
            syntheticResult(run: index, check: check, at: at, checksPerComponent: checksPerComponent, downEvery: 50, degradedEvery: 20)
        }
        return (ProbeRun(startedAt: at, durationMs: 900, location: "bench"), results)
    }
    let total = historyRuns + samples
    // A first probe: a new database, every component and check key new.
    var firstTimes: [Double] = []
    for sample in 0..<5 {
        let fresh = try ResultStore.open(at: folder.appendingPathComponent("first-\(sample).sqlite"))
        let (probeRun, results) = run(0, of: total)
        firstTimes.append(try measureMs { try fresh.append(probeRun, results: results) })
        try fresh.close()
    }
    let fill = try measureMs {
        for index in 0..<historyRuns {
            let (probeRun, results) = run(index, of: total)
            try store.append(probeRun, results: results)
        }
    }
    let size = "\(checks) results"
    print("store-commit: first append of \(checks) results into a new database, 5 samples: median \(format(median(firstTimes))), "
          + "min \(format(firstTimes.min() ?? .nan)), max \(format(firstTimes.max() ?? .nan))")
    print("store-commit: history of \(historyRuns) runs x \(size) written in \(format(fill))")
    var times: [Double] = []
    for index in historyRuns..<total {
        let (probeRun, results) = run(index, of: total)
        times.append(try measureMs { try store.append(probeRun, results: results) })
    }
    print("store-commit: append of 1 run x \(size), \(samples) samples: median \(format(median(times))), "
          + "min \(format(times.min() ?? .nan)), max \(format(times.max() ?? .nan))\(checks == 1_000 ? " (target <= 50 ms)" : "")")
    var snapshot: StoreSnapshot?
    let read = try measureMs { snapshot = try store.snapshot(now: now, days: 90) }
    print("store-commit: snapshot(days: 90) read in \(format(read)) "
          + "(\(snapshot?.recentResults.count ?? 0) raw results, \(snapshot?.checkHourly.count ?? 0) check-hours)")
}

/// Check `check` of run `run` of a synthetic site: HTTP, every `downEvery`-th down and `degradedEvery`-th degraded
/// (counted along run + check), latencies spread over 0.5-2,000 ms.
func syntheticResult(run: Int, check: Int, at: Date, checksPerComponent: Int, downEvery: Int, degradedEvery: Int) -> CheckResult {
    let status: CheckStatus = (run + check) % downEvery == 0 ? .down : (run + check) % degradedEvery == 0 ? .degraded : .up
    let latency = Double((run * 37 + check * 11) % 2_000) + 0.5
    return CheckResult(
        componentID: "component-\(check / checksPerComponent)", checkID: "check-\(check % checksPerComponent)", type: .http,
        at: at.addingTimeInterval(Double(check % 100) / 100), status: status, latencyMs: latency,
        httpStatus: status == .down ? 503 : 200,
        timings: PhaseTimings(dnsMs: 1, connectMs: 3, tlsMs: 12, ttfbMs: latency - 2, totalMs: latency),
        error: status == .up ? nil : ProbeError(kind: status == .down ? .httpStatus : .slow, message: "HTTP 503"))
}
