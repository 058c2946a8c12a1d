import Foundation
import GRDB
@testable import SitrepKit

/// A fresh folder under the system temp folder, removed when the value is released.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}

/// A small deterministic pseudo-random generator, so failures replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum StoreFixtures {
    /// 2026-11-20T00:00:00Z.
    static let day0 = Date(timeIntervalSince1970: 1_795_132_800)

    static func result(
        _ component: String, _ check: String, at: Date, status: CheckStatus = .up, latencyMs: Double? = 100,
        timings: PhaseTimings? = PhaseTimings(dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 90, totalMs: 100)
    ) -> CheckResult {
        CheckResult(
            componentID: component, checkID: check, type: .http, at: at, status: status, latencyMs: latencyMs,
            httpStatus: status == .down ? 503 : 200, timings: timings,
            error: status == .up ? nil : ProbeError(kind: status == .down ? .httpStatus : .slow, message: "m"))
    }

    /// One run per `step` from `start`, each with a result for every check of every component, with
    /// varied statuses and latencies (multiples of 0.25 ms, so sums are exact) and some results without
    /// latency or timings.
    static func history(
        runs: Int, from start: Date, step: TimeInterval, components: [String: [String]], seed: UInt64
    ) -> [(ProbeRun, [CheckResult])] {
        var random = SeededGenerator(state: seed)
        return (0..<runs).map { index in
            let at = start.addingTimeInterval(Double(index) * step)
            var results: [CheckResult] = []
            for component in components.keys.sorted() {
                for check in components[component] ?? [] {
                    let roll = Int.random(in: 0..<20, using: &random)
                    let status: CheckStatus = roll < 2 ? .down : roll < 5 ? .degraded : .up
                    let latency = roll == 0 ? nil : Double(Int.random(in: 0..<40_000, using: &random)) / 4
                    // Whole microseconds, as libcurl measures and the store keeps them.
                    func us(_ ms: Double) -> Double { (ms * 1000).rounded() / 1000 }
                    let timings = latency.map { total in
                        PhaseTimings(dnsMs: us(total / 8), connectMs: us(total / 4), tlsMs: us(total / 2),
                                     ttfbMs: us(total * 0.75), totalMs: total)
                    }
                    let offset = Double(Int.random(in: 0..<5_000, using: &random)) / 1000
                    results.append(result(component, check, at: at.addingTimeInterval(offset), status: status,
                                          latencyMs: latency, timings: timings))
                }
            }
            return (ProbeRun(startedAt: at, durationMs: 5_000, location: "default"), results)
        }
    }

    /// Creates a sitrep database at `url` holding one run of one result, checkpointed and closed.
    static func writeOneRun(to url: URL) throws {
        let store = try ResultStore.open(at: url)
        try store.append(ProbeRun(startedAt: day0, durationMs: 1), results: [result("api", "health", at: day0)])
        try store.checkpoint()
    }

    /// Every raw result with its run id, straight from the table.
    static func rawResults(_ store: ResultStore) throws -> [(runID: Int64, result: CheckResult)] {
        try store.pool.read { db in
            let keys = try StoreKeys.load(db)
            return try Row.fetchAll(db, sql: "SELECT run_id, \(ResultRow.columnList) FROM result ORDER BY run_id, ordinal")
                .map { row in (row[0], try ResultRow.decode(row, from: 1, keys: keys)) }
        }
    }

    static func count(_ table: String, _ store: ResultStore) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}

/// Finds the `sitrep-testsupport` helper: `SITREP_TESTSUPPORT_BIN`, else next to the test bundle.
enum TestSupportBinary {
    static func url() -> URL? {
        if let path = ProcessInfo.processInfo.environment["SITREP_TESTSUPPORT_BIN"] {
            return URL(fileURLWithPath: path)
        }
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL {
            folders += [executable.deletingLastPathComponent(),
                        executable.deletingLastPathComponent().deletingLastPathComponent()]
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("sitrep-testsupport")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
