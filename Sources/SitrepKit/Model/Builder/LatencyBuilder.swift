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
        // The rollups that count, by hour and, within an hour, in the order given (so each hour's sums add up in
        // that order), summed hour by hour without grouping them into arrays first.
        let order = hourly.indices
            .filter { hourly[$0].bucketStart >= from && hourly[$0].bucketStart <= now && hourly[$0].timingCount > 0 }
            .sorted { (hourly[$0].bucketStart, $0) < (hourly[$1].bucketStart, $1) }
        var points: [LatencyPoint] = []
        var next = 0
        while next < order.count {
            let hour = hourly[order[next]].bucketStart
            var count = 0
            var sums = PhaseTimings()
            while next < order.count, hourly[order[next]].bucketStart == hour {
                let index = order[next]
                count += hourly[index].timingCount
                sums.dnsMs += hourly[index].phaseSumsMs.dnsMs
                sums.connectMs += hourly[index].phaseSumsMs.connectMs
                sums.tlsMs += hourly[index].phaseSumsMs.tlsMs
                sums.ttfbMs += hourly[index].phaseSumsMs.ttfbMs
                sums.totalMs += hourly[index].phaseSumsMs.totalMs
                next += 1
            }
            let n = Double(count)
            points.append(LatencyPoint(at: hour, timings: PhaseTimings(
                dnsMs: sums.dnsMs / n, connectMs: sums.connectMs / n, tlsMs: sums.tlsMs / n,
                ttfbMs: sums.ttfbMs / n, totalMs: sums.totalMs / n)))
        }
        return points
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
