import Foundation

/// A fixed log-scale histogram of latencies in milliseconds.
///
/// Bucket 0 holds everything below 1 ms; bucket `i` (1...46) holds `[2^((i-1)/3), 2^(i/3))` ms, so each
/// bucket is about 26% wider than the one before; bucket 47 holds everything from about 41.3 s up.
/// Histograms of any set of rollup buckets add up, so percentiles can be estimated for any window;
/// an estimate lies in the same bucket as the exact nearest-rank value (error below one bucket width).
public struct LatencyHistogram: Sendable, Hashable {
    public static let bucketCount = 48
    /// Buckets per doubling of latency.
    public static let bucketsPerDoubling = 3

    /// Observations per bucket; always `bucketCount` entries.
    public private(set) var counts: [Int]

    public init() {
        counts = Array(repeating: 0, count: Self.bucketCount)
    }

    /// The bucket a latency falls into (NaN and negative values count as below 1 ms).
    public static func bucketIndex(forMs ms: Double) -> Int {
        guard ms.isFinite else { return ms == .infinity ? bucketCount - 1 : 0 }
        guard ms >= 1 else { return 0 }
        let index = Int((log2(ms) * Double(bucketsPerDoubling)).rounded(.down)) + 1
        return min(index, bucketCount - 1)
    }

    /// The latencies bucket `index` holds, in ms: `lower..<upper` (upper is infinity for the last bucket).
    public static func bounds(ofBucket index: Int) -> (lower: Double, upper: Double) {
        let lower = index <= 0 ? 0 : exp2(Double(index - 1) / Double(bucketsPerDoubling))
        let upper = index >= bucketCount - 1 ? Double.infinity : exp2(Double(index) / Double(bucketsPerDoubling))
        return (lower, upper)
    }

    /// Number of observations.
    public var total: Int { counts.reduce(0, +) }

    public mutating func record(ms: Double) {
        counts[Self.bucketIndex(forMs: ms)] += 1
    }

    public mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    /// Estimated nearest-rank quantile `q` (0...1) in ms: the geometric middle of the bucket holding that rank,
    /// clamped to the observed `minMs...maxMs` when given (the first and last rank return them exactly);
    /// nil when empty.
    public func quantile(_ q: Double, minMs: Double? = nil, maxMs: Double? = nil) -> Double? {
        let total = self.total
        guard total > 0 else { return nil }
        let rank = min(total, max(1, Int((min(max(q, 0), 1) * Double(total)).rounded(.up))))
        // The extremes are known exactly when the observed range is given.
        if rank == total, let maxMs { return maxMs }
        if rank == 1, let minMs { return minMs }
        var seen = 0
        var bucket = counts.count - 1
        for (index, count) in counts.enumerated() {
            seen += count
            if seen >= rank {
                bucket = index
                break
            }
        }
        let (lower, upper) = Self.bounds(ofBucket: bucket)
        var estimate: Double
        if bucket == 0 {
            estimate = 0.5
        } else if upper.isInfinite {
            estimate = maxMs ?? lower
        } else {
            estimate = (lower * upper).squareRoot()
        }
        if let minMs { estimate = max(estimate, minMs) }
        if let maxMs { estimate = min(estimate, maxMs) }
        return estimate
    }
}

extension LatencyHistogram {
    /// Compact storage: for each non-empty bucket, one byte of bucket index, then the count as a LEB128 varint.
    var encoded: Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.bucketCount * 2)
        for (index, count) in counts.enumerated() where count > 0 {
            bytes.append(UInt8(index))
            var rest = UInt64(count)
            repeat {
                let low = UInt8(rest & 0x7F)
                rest >>= 7
                bytes.append(rest == 0 ? low : low | 0x80)
            } while rest != 0
        }
        return Data(bytes)
    }

    /// Decodes `encoded`; nil when the bytes are not a histogram this store wrote, or count more latencies than
    /// one rollup bucket can hold (`StoredRow.countLimit`: histograms of every bucket a build reads then add up
    /// without overflow). Read in place and counted into a local buffer: a build decodes one per check and hour or day.
    init?(encoded data: Data) {
        var counts = [Int](repeating: 0, count: Self.bucketCount)
        let valid = data.withUnsafeBytes { bytes in
            counts.withUnsafeMutableBufferPointer { counts in
                var position = 0
                var total: UInt64 = 0
                while position < bytes.count {
                    let index = Int(bytes[position])
                    guard index < Self.bucketCount else { return false }
                    position += 1
                    var value: UInt64 = 0
                    var shift: UInt64 = 0
                    while true {
                        guard position < bytes.count, shift < 63 else { return false }
                        let byte = bytes[position]
                        position += 1
                        value |= UInt64(byte & 0x7F) << shift
                        if byte & 0x80 == 0 { break }
                        shift += 7
                    }
                    // A damaged row may repeat a bucket until the sum overflows: rejected, never a crash.
                    total += min(value, UInt64(StoredRow.countLimit) + 1)
                    guard total <= UInt64(StoredRow.countLimit) else { return false }
                    counts[index] += Int(value)
                }
                return true
            }
        }
        guard valid else { return nil }
        self.counts = counts
    }
}
