import Foundation

/// Runs checks concurrently and classifies each outcome as SPEC.md describes.
///
/// All HTTP and TCP transfers share the libcurl multi handles of one or two dedicated threads (`engineCount`),
/// at most `settings.concurrency` at once, and every attempt is bounded by its check's `timeoutMs`. A `down` attempt
/// is re-tried up to `settings.retries` times, each retry with the full timeout, so a run with enough concurrency
/// ends within about (retries + 1) × the largest timeout plus a small overhead. Checks that are one transfer per
/// attempt run without a task each (`TransferCheckBatch`); `dns` and `flow` checks run as tasks, at most
/// `settings.concurrency` at once.
public struct ProbeRunner: Sendable {
    public var settings: ProbeSettings
    public var redactor: SecretRedactor
    /// How many engines (event-loop threads) to use; nil: `engineCount(concurrency:transfers:cores:)` decides.
    var engineCount: Int?

    public init(settings: ProbeSettings, redactor: SecretRedactor = .init()) {
        self.settings = settings
        self.redactor = redactor
    }

    /// One engine (event-loop thread) for each this many transfers, at least one, at most one per core and
    /// `maxEngines`, each with its share of the concurrency: a second thread pays off only when one would be
    /// busy for much of the run (10,000 checks, ProbeRunner alone: 1.6-1.7 s of CPU and 4.2-4.7 s wall with two,
    /// 1.8-2.0 s and 4.6-5.0 s with one, on a busy machine).
    static let transfersPerEngine = 512
    static let maxEngines = 2

    static func engineCount(concurrency: Int, transfers: Int, cores: Int) -> Int {
        max(1, min(maxEngines, cores, concurrency, transfers / transfersPerEngine))
    }

    /// `count` engines (at most `concurrency`) that together run at most `concurrency` transfers at once.
    static func engines(_ count: Int, sharing concurrency: Int) -> [CurlMulti] {
        let count = max(1, min(count, concurrency))
        return (0..<count).map { index in
            CurlMulti(maxConcurrentTransfers: concurrency / count + (index < concurrency % count ? 1 : 0))
        }
    }

    /// One result per check, in input order. Checks start in the order `schedule` gives (`ProbeSchedule`).
    /// `onResults` is given each check's final result (with its position in `checks`) as soon as it is known, from
    /// whichever thread knows it; a check that did not run is only in the returned results.
    public func run(_ checks: [CheckConfig], schedule: ProbeSchedule = .configOrder,
                    onResults: (@Sendable ([(index: Int, result: CheckResult)]) -> Void)? = nil) async -> [CheckResult] {
        guard !checks.isEmpty else { return [] }
        let limit = max(1, settings.concurrency)
        let batched = schedule.order(checks.indices.filter { TransferCheckBatch.handles(checks[$0]) }, of: checks)
        let tasked = schedule.order(checks.indices.filter { !TransferCheckBatch.handles(checks[$0]) }, of: checks)
        let count = engineCount ?? Self.engineCount(concurrency: limit, transfers: batched.count,
                                                    cores: ProcessInfo.processInfo.activeProcessorCount)
        let engines = Self.engines(count, sharing: limit)
        let prober = CheckProber(engine: engines[0], trustStore: TrustStore(for: checks), redactor: redactor,
                                 retries: max(0, settings.retries))
        let batch = TransferCheckBatch(prober: prober, engines: engines,
                                       window: limit + engines.count * CurlMulti.admissionsPerTurn)
        async let batchResults = batch.run(checks, indices: batched, onResults: onResults)
        var results = [CheckResult?](repeating: nil, count: checks.count)
        await withTaskGroup(of: (Int, CheckResult).self) { group in
            var next = 0
            func launchNext() {
                guard next < tasked.count else { return }
                let index = tasked[next]
                let check = checks[index]
                group.addTask { (index, await prober.probe(check)) }
                next += 1
            }
            for _ in 0..<min(limit, tasked.count) { launchNext() }
            for await (index, result) in group {
                results[index] = result
                onResults?([(index, result)])
                launchNext()
            }
        }
        for (index, result) in await batchResults { results[index] = result }
        for engine in engines { await engine.shutdown() }
        return results.enumerated().map { index, result in
            result ?? CheckResult(componentID: checks[index].componentID, checkID: checks[index].id,
                                  type: checks[index].type, at: Date(), status: .down, latencyMs: nil,
                                  httpStatus: nil, timings: nil,
                                  error: ProbeError(kind: .other, message: "The check did not run."))
        }
    }
}
