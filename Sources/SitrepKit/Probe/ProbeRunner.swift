import Foundation

/// Runs checks concurrently and classifies each outcome as SPEC.md describes.
///
/// At most `settings.concurrency` checks are in flight at once, all HTTP and TCP transfers share one libcurl
/// multi handle on a dedicated thread, and every attempt is bounded by its check's `timeoutMs`. A `down` attempt
/// is re-tried up to `settings.retries` times, each retry with the full timeout, so a run with enough concurrency
/// ends within about (retries + 1) × the largest timeout plus a small overhead.
public struct ProbeRunner: Sendable {
    public var settings: ProbeSettings
    public var redactor: SecretRedactor

    public init(settings: ProbeSettings, redactor: SecretRedactor = .init()) {
        self.settings = settings
        self.redactor = redactor
    }

    /// One result per check, in input order.
    public func run(_ checks: [CheckConfig]) async -> [CheckResult] {
        guard !checks.isEmpty else { return [] }
        let limit = max(1, settings.concurrency)
        let engine = CurlMulti(maxConcurrentTransfers: limit)
        let prober = CheckProber(engine: engine, trustStore: TrustStore(for: checks), redactor: redactor,
                                 retries: max(0, settings.retries))
        var results = [CheckResult?](repeating: nil, count: checks.count)
        await withTaskGroup(of: (Int, CheckResult).self) { group in
            var next = 0
            func launchNext() {
                guard next < checks.count else { return }
                let index = next
                let check = checks[index]
                group.addTask { (index, await prober.probe(check)) }
                next += 1
            }
            for _ in 0..<min(limit, checks.count) { launchNext() }
            for await (index, result) in group {
                results[index] = result
                launchNext()
            }
        }
        await engine.shutdown()
        return results.enumerated().map { index, result in
            result ?? CheckResult(componentID: checks[index].componentID, checkID: checks[index].id,
                                  type: checks[index].type, at: Date(), status: .down, latencyMs: nil,
                                  httpStatus: nil, timings: nil,
                                  error: ProbeError(kind: .other, message: "The check did not run."))
        }
    }
}
