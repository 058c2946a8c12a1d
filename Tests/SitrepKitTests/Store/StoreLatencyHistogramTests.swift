import Foundation
import Testing
@testable import SitrepKit

@Suite struct StoreLatencyHistogramTests {
    @Test func bucketsAreLogScaleAndContainTheirValues() {
        #expect(LatencyHistogram.bucketIndex(forMs: 0) == 0)
        #expect(LatencyHistogram.bucketIndex(forMs: -5) == 0)
        #expect(LatencyHistogram.bucketIndex(forMs: .nan) == 0)
        #expect(LatencyHistogram.bucketIndex(forMs: .infinity) == LatencyHistogram.bucketCount - 1)
        #expect(LatencyHistogram.bucketIndex(forMs: 1e9) == LatencyHistogram.bucketCount - 1)
        for ms in stride(from: 0.25, through: 40_000, by: 7.75) {
            let index = LatencyHistogram.bucketIndex(forMs: ms)
            let bounds = LatencyHistogram.bounds(ofBucket: index)
            #expect(bounds.lower <= ms && ms < bounds.upper, "\(ms) in bucket \(index)")
        }
    }

    @Test func encodingRoundTripsAndRejectsGarbage() throws {
        var histogram = LatencyHistogram()
        for ms in [0.5, 3, 3, 120, 120, 120, 99_999] { histogram.record(ms: ms) }
        for _ in 0..<300 { histogram.record(ms: 800) }
        #expect(LatencyHistogram(encoded: histogram.encoded) == histogram)
        #expect(histogram.encoded.count < 16)
        #expect(LatencyHistogram(encoded: Data()) == LatencyHistogram())
        #expect(LatencyHistogram(encoded: Data([200, 1])) == nil)
        #expect(LatencyHistogram(encoded: Data([3, 0x80])) == nil)
        // Bucket 3 given Int.max / 2 three times: the sum would overflow.
        let half = [UInt8](repeating: 0xFF, count: 8) + [0x3F]
        #expect(LatencyHistogram(encoded: Data([3] + half + [3] + half + [3] + half)) == nil)
        // A bucket counts at most StoredRow.countLimit latencies in all, so any number of them add up safely.
        let limit = StoredRow.countLimit
        #expect(LatencyHistogram(encoded: Data([3] + half)) == nil)
        let atLimit = try #require(LatencyHistogram(encoded: Data([3] + varint(limit / 2) + [9] + varint(limit / 2))))
        #expect(atLimit.total == Int(limit))
        #expect(LatencyHistogram(encoded: Data([3] + varint(limit / 2) + [9] + varint(limit / 2 + 1))) == nil)
    }

    /// LEB128, as `LatencyHistogram.encoded` writes counts.
    private func varint(_ value: Int64) -> [UInt8] {
        var rest = UInt64(value)
        var bytes: [UInt8] = []
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            bytes.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
        return bytes
    }

    @Test func quantilesLandInTheRightBucketAndWithinObservedRange() throws {
        var histogram = LatencyHistogram()
        let values = (1...1_000).map { Double($0) }
        for value in values { histogram.record(ms: value) }
        let p50 = try #require(histogram.quantile(0.5, minMs: 1, maxMs: 1_000))
        #expect(LatencyHistogram.bucketIndex(forMs: p50) == LatencyHistogram.bucketIndex(forMs: 500))
        #expect(histogram.quantile(1, minMs: 1, maxMs: 1_000) == 1_000)
        #expect(histogram.quantile(0, minMs: 1, maxMs: 1_000) == 1)
        #expect(LatencyHistogram().quantile(0.5) == nil)
    }
}
