import Foundation
import Logging

/// `sitrep probe`: run every check once (those that took longest last time first, `ProbeSchedule`), append the run
/// to the store in one transaction (with the component status changes it makes hold, when notifications are
/// configured), prune old rows. A run of `ResultFeed.minimumChecks` or more writes its results as they come once
/// every check has started (`ResultStore.appendLive`), so that after the last check only its own part and the run's
/// row are left to write; a smaller run is appended after its last check.
public enum ProbePipeline {
    /// Opens (and checks) the database while the checks run: opening a large database that is not as the last writer
    /// noted it (`StoreCheckStamp`) reads all of it once (`quick_check`, about 1 s of CPU for 146 MB), which the
    /// probe's network waits hide. A corrupt or unwritable database is refused before anything is appended, and never
    /// touched.
    public static func run(
        config: SiteConfig, location: String, logger: Logger = Logger(label: "sitrep.probe")
    ) async throws -> ProbeReport {
        try await run(config: config, location: location, logger: logger, writingWhileProbingFrom: ResultFeed.minimumChecks)
    }

    /// `run`, writing the run while it is probed when it has at least `minimumChecks` checks.
    static func run(
        config: SiteConfig, location: String, logger: Logger, writingWhileProbingFrom minimumChecks: Int
    ) async throws -> ProbeReport {
        let database = config.paths.database
        // Read before probing: a broken subscribers file stops the run before anything is measured or stored.
        let targets = config.notifications.channels.isEmpty ? [] : try DeliveryTarget.load(config)
        let schedule = await scheduleOffThePool(database)
        let checks = config.allChecks
        let outbox = config.notifications.channels.isEmpty ? nil
            : StatusOutbox(detector: ComponentStatusDetector(config: config), targets: targets)
        let startedAt = Date()
        let feed = checks.count >= minimumChecks
            ? ResultFeed(checks: checks.count, concurrency: config.probe.concurrency) : nil
        // Whatever ends this function before the run is finished, the writer stops waiting and stores nothing.
        defer { feed?.cancel() }
        let appending = Task {
            try await openAndAppendOffThePool(database, checks: checks, startedAt: startedAt, feed: feed, outbox: outbox)
        }
        let clock = ContinuousClock()
        let start = clock.now
        var onResults: (@Sendable ([(index: Int, result: CheckResult)]) -> Void)?
        if let feed { onResults = { feed.deliver($0) } }
        let results = await ProbeRunner(settings: config.probe, redactor: config.secrets)
            .run(checks, schedule: schedule, onResults: onResults)
        let elapsed = clock.now - start
        let durationMs = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let run = ProbeRun(startedAt: startedAt, durationMs: durationMs, location: location)
        feed?.finish(run, results: results)
        let store = try await appending.value
        if feed == nil { try store.append(run, results: results, notifying: outbox) }
        logger.info("appended a run of \(results.count) results", metadata: ["database": "\(store.displayPath)", "location": "\(location)"])
        try store.prune(now: startedAt, keeping: config.retention)
        // Closed here, not when the opening task lets go of it: the write-ahead log is folded into the file
        // before the command exits, and the file noted for the next run (`StoreCheckStamp`, which may wait a
        // clock tick), off the concurrency pool.
        try await offThePool("sitrep.store-close") { try store.close() }
        for result in results where result.status != .up {
            // Messages are already redacted by the runner; the target is never logged.
            logger.notice("\(result.componentID)/\(result.checkID) is \(result.status.rawValue)",
                          metadata: ["kind": "\(result.error?.kind.rawValue ?? "-")", "attempts": "\(result.attempts)"])
        }
        return ProbeReport(run: run, results: results)
    }

    /// The start order from the checks' latest stored results (`ProbeSchedule`), read through a connection of its
    /// own before the checks start. The order is only a hint: a database that cannot give it (none yet, damaged,
    /// another schema) means config order, and the writer's opening reports what is wrong with it. Reading it costs
    /// about 10 ms for 10,000 checks; the run it can save is a whole timeout.
    private static func scheduleOffThePool(_ url: URL) async -> ProbeSchedule {
        let schedule = try? await offThePool("sitrep.store-schedule") { () throws -> ProbeSchedule? in
            try ResultStore.probeSchedule(at: url)
        }
        return schedule ?? .configOrder
    }

    /// Opens the store and, given a feed, appends the run as its results come (`ResultStore.appendLive`), on a thread
    /// of its own: both block, `open` for as long as SQLite reads the file, the append until the feed ends.
    private static func openAndAppendOffThePool(
        _ url: URL, checks: [CheckConfig], startedAt: Date, feed: ResultFeed?, outbox: StatusOutbox?
    ) async throws -> ResultStore {
        try await offThePool("sitrep.store-append") {
            let store = try ResultStore.open(at: url)
            if let feed { try store.appendLive(checks: checks, startedAt: startedAt, feed: feed, notifying: outbox) }
            return store
        }
    }

    /// Runs `body`, which blocks on the database, on a queue of its own, never on the concurrency pool.
    private static func offThePool<Value: Sendable>(_ label: String, _ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue(label: label).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
