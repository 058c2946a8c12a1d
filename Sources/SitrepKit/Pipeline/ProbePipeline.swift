import Foundation
import Logging

/// `sitrep probe`: run every check once, append the run to the store in one transaction, prune old rows.
public enum ProbePipeline {
    /// Opens the database before probing, so a corrupt or unwritable database fails fast and is never touched.
    public static func run(
        config: SiteConfig, location: String, logger: Logger = Logger(label: "sitrep.probe")
    ) async throws -> ProbeReport {
        let store = try ResultStore.open(at: config.paths.database)
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let results = await ProbeRunner(settings: config.probe, redactor: config.secrets).run(config.allChecks)
        let elapsed = clock.now - start
        let durationMs = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let run = ProbeRun(startedAt: startedAt, durationMs: durationMs, location: location)
        try store.append(run, results: results)
        logger.info("appended a run of \(results.count) results", metadata: ["database": "\(store.displayPath)", "location": "\(location)"])
        try store.prune(now: startedAt, rawDays: config.retention.rawDays)
        for result in results where result.status != .up {
            // Messages are already redacted by the runner; the target is never logged.
            logger.notice("\(result.componentID)/\(result.checkID) is \(result.status.rawValue)",
                          metadata: ["kind": "\(result.error?.kind.rawValue ?? "-")", "attempts": "\(result.attempts)"])
        }
        return ProbeReport(run: run, results: results)
    }
}
