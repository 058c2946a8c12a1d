import Foundation

/// One consistent read of the store for the site generator (see `ResultStore.snapshot(now:days:)`).
///
/// All times are UTC instants; all durations and latencies are milliseconds. Arrays are sorted by
/// component id, check id, then time, so equal databases give equal snapshots.
public struct StoreSnapshot: Sendable, Hashable {
    /// The `now` the windows were computed from.
    public let now: Date
    /// The `days` of daily history asked for.
    public let days: Int
    /// The newest run at or before `now`; nil before the first run.
    public let latestRun: ProbeRun?
    /// The newest stored result at or before `now` of every (component, check) ever probed (raw retention
    /// does not remove these; rollup retention does). Nothing recorded after `now` is in a snapshot: a
    /// rollup bucket holding `now` and something later is left out whole.
    public let latestResults: [CheckResult]
    /// Component rollups per UTC hour for the last `min(days, 8)` days up to `now`.
    public let componentHourly: [ComponentRollup]
    /// Component rollups per UTC day for the last `days` days including today (`now`'s day).
    public let componentDaily: [ComponentRollup]
    /// Check rollups per UTC hour for the last 48 hours (plus the hour holding `now`'s start-48h).
    public let checkHourly: [CheckRollup]
    /// Check rollups per UTC day for the last `min(days, 30)` days including today (`ResultStore.checkDailyDays`).
    public let checkDaily: [CheckRollup]
    /// Raw results with `now - 24h < at <= now`; empty unless the snapshot was asked for them.
    public let recentResults: [CheckResult]
    /// Status runs and run times from a day before the first of `days` up to `now`: uptime exact to the
    /// observation from `StatusRunHistory.exactFrom` on.
    public let statusRunHistory: StatusRunHistory
    /// Each probe location's newest result per check at or before `now` (from `sitrep import`); empty for a
    /// site probed from one place.
    public let locationResults: [LocationResult]

    public init(
        now: Date, days: Int, latestRun: ProbeRun?, latestResults: [CheckResult],
        componentHourly: [ComponentRollup], componentDaily: [ComponentRollup],
        checkHourly: [CheckRollup], checkDaily: [CheckRollup], recentResults: [CheckResult],
        statusRunHistory: StatusRunHistory = .none, locationResults: [LocationResult] = []
    ) {
        self.now = now
        self.days = days
        self.latestRun = latestRun
        self.latestResults = latestResults
        self.componentHourly = componentHourly
        self.componentDaily = componentDaily
        self.checkHourly = checkHourly
        self.checkDaily = checkDaily
        self.recentResults = recentResults
        self.statusRunHistory = statusRunHistory
        self.locationResults = locationResults
    }

    /// A snapshot without any data: what a generator uses when `ResultStore.openForReading` returns nil.
    public static func empty(now: Date, days: Int) -> StoreSnapshot {
        StoreSnapshot(
            now: now, days: days, latestRun: nil, latestResults: [], componentHourly: [], componentDaily: [],
            checkHourly: [], checkDaily: [], recentResults: [])
    }

    /// When the newest run started.
    public var latestRunAt: Date? { latestRun?.startedAt }

    /// Estimated p50/p95/p99 latency over any set of check rollups (e.g. one check's last 30 daily
    /// buckets, or every check of a component); nil when they hold no latency.
    public func percentiles(of buckets: some Sequence<CheckRollup>) -> Percentiles? {
        Self.percentiles(of: buckets)
    }

    public static func percentiles(of buckets: some Sequence<CheckRollup>) -> Percentiles? {
        var histogram = LatencyHistogram()
        var minMs: Double?
        var maxMs: Double?
        for bucket in buckets {
            histogram.merge(bucket.histogram)
            if let low = bucket.latencyMinMs { minMs = min(minMs ?? low, low) }
            if let high = bucket.latencyMaxMs { maxMs = max(maxMs ?? high, high) }
        }
        guard let p50 = histogram.quantile(0.50, minMs: minMs, maxMs: maxMs),
              let p95 = histogram.quantile(0.95, minMs: minMs, maxMs: maxMs),
              let p99 = histogram.quantile(0.99, minMs: minMs, maxMs: maxMs)
        else { return nil }
        return Percentiles(p50: p50, p95: p95, p99: p99)
    }
}
