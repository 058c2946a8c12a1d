import Foundation

/// Response times of one component from its configured checks' rollups.
///
/// - `responseTimes`: one point per UTC hour of the snapshot's hourly check rollups (the last 48 hours
///   plus the hour holding `now - 48h`), the mean of the phase timings of every result of the component's
///   checks in that hour (sums over all checks divided by their timing counts); hours without timings are
///   left out, oldest first.
/// - `latency`: p50/p95/p99 of the merged latency histograms: `h24` from the hourly buckets starting at or
///   after the hour holding `now - 24h` (so up to 25 hours), `d7` and `d30` from the UTC daily buckets of
///   the last 7 and 30 days, today included.
enum LatencyBuilder {
    static func responseTimes(_ hourly: [CheckRollup], now: Date) -> [LatencyPoint] {
        let from = RollupGranularity.hourly.bucketStart(of: now.addingTimeInterval(-48 * 3600))
        let recent = hourly.filter { $0.bucketStart >= from && $0.bucketStart <= now && $0.timingCount > 0 }
        return Dictionary(grouping: recent, by: \.bucketStart).sorted { $0.key < $1.key }.map { hour, rollups in
            let n = Double(rollups.map(\.timingCount).reduce(0, +))
            func mean(_ phase: KeyPath<PhaseTimings, Double>) -> Double {
                rollups.map { $0.phaseSumsMs[keyPath: phase] }.reduce(0, +) / n
            }
            return LatencyPoint(at: hour, timings: PhaseTimings(
                dnsMs: mean(\.dnsMs), connectMs: mean(\.connectMs), tlsMs: mean(\.tlsMs),
                ttfbMs: mean(\.ttfbMs), totalMs: mean(\.totalMs)))
        }
    }

    static func percentiles(hourly: [CheckRollup], daily: [CheckRollup], now: Date) -> LatencyPercentiles {
        let hourFrom = RollupGranularity.hourly.bucketStart(of: now.addingTimeInterval(-24 * 3600))
        let today = RollupGranularity.daily.bucketStart(of: now)
        func lastDays(_ count: Int) -> Percentiles? {
            let from = today.addingTimeInterval(-Double(count - 1) * 86_400)
            return StoreSnapshot.percentiles(of: daily.filter { $0.bucketStart >= from && $0.bucketStart <= now })
        }
        return LatencyPercentiles(
            h24: StoreSnapshot.percentiles(of: hourly.filter { $0.bucketStart >= hourFrom && $0.bucketStart <= now }),
            d7: lastDays(7), d30: lastDays(30))
    }
}
