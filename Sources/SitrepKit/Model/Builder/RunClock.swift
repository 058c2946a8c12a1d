import Foundation

/// The start time of every probe run a snapshot carries (`StatusRunHistory`), shared by every component's
/// `StatusRunObservations`: which run positions fall in a stretch of time, by binary search.
struct RunClock: Sendable {
    let ids: [Int64]
    /// Start of each run in milliseconds, in the order of `ids`.
    let startsMs: [Int64]
    /// Whether runs started in id order (as appends make them): then a stretch of time is a range of positions.
    let inTimeOrder: Bool
    /// When not (a run appended with an earlier start than the one before, e.g. after a clock change): at each
    /// position, how many positions up to it started before their predecessor.
    private let disorder: [Int]

    init(_ history: StatusRunHistory) {
        let count = min(history.runIDs.count, history.runStartsMs.count)
        ids = Array(history.runIDs.prefix(count))
        startsMs = Array(history.runStartsMs.prefix(count))
        inTimeOrder = zip(startsMs, startsMs.dropFirst()).allSatisfy { $0 <= $1 }
        var disorder: [Int] = []
        if !inTimeOrder {
            disorder.reserveCapacity(count)
            for position in 0..<count {
                let earlier = position > 0 && startsMs[position] < startsMs[position - 1]
                disorder.append((disorder.last ?? 0) + (earlier ? 1 : 0))
            }
        }
        self.disorder = disorder
    }

    /// Whether the runs at `positions` started in position order.
    func isInTimeOrder(_ positions: Range<Int>) -> Bool {
        guard !inTimeOrder, let last = positions.last else { return true }
        return disorder[last] == disorder[positions.lowerBound]
    }

    /// The first position whose id is at least `id`.
    func position(ofID id: Int64) -> Int {
        Self.firstIndex(in: ids, of: id, within: 0..<ids.count)
    }

    /// `position(ofID:)` for an id no smaller than the one found at `start`: every position before `start` holds a
    /// smaller id. Searched by doubling steps from `start`, so ids asked in ascending order cost little each.
    func position(ofID id: Int64, notBefore start: Int) -> Int {
        var low = min(max(0, start), ids.count)
        var high = low
        var step = 1
        while high < ids.count, ids[high] < id {
            low = high + 1
            high = low + step
            step *= 2
        }
        return Self.firstIndex(in: ids, of: id, within: low..<min(high, ids.count))
    }

    /// The first position in `range` whose start is at least `ms` (runs in time order only).
    func position(ofTime ms: Int64, within range: Range<Int>) -> Int {
        Self.firstIndex(in: startsMs, of: ms, within: range)
    }

    private static func firstIndex(in values: [Int64], of value: Int64, within range: Range<Int>) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
