import Foundation

/// The results of a run still being probed, handed from the probe runner (any thread) to the store's writer (a
/// thread of its own, which blocks in `next()`), and at the end the run itself.
///
/// The writer takes parts only once at most half of `concurrency` results are still to come: every check has started
/// then, and the engines have free slots, so no check waits behind the writer to be admitted. While checks are still
/// starting, the probe's threads need the cores (a first run of 10,000 checks is CPU-bound on both until its last
/// check starts): with the writer starting once `concurrency` results were still to come, the probing of a first run
/// took 120-170 ms longer.
final class ResultFeed: @unchecked Sendable {
    /// How the feed ended: with the run and all its results in config order, or cancelled (nothing is stored).
    enum Ending: Sendable {
        case finished(ProbeRun, [CheckResult])
        case cancelled
    }

    /// The smallest run written while it is probed. Below it the append after the run is short (1,000 results: about
    /// 20 ms, so 20-40 ms sooner), while the results and stored rollups held for the writer raise peak memory (1,000
    /// checks: 40 to 43 MB, against a target of 48); CPU time is the same within noise (2 % more instructions).
    /// 10,000 checks end 0.25-0.33 s sooner.
    static let minimumChecks = 2_000

    /// Results a part holds before the writer takes it, so that little is left for the end of the run. Written by
    /// statements of `RowBatch.rowsPerStatement` rows; a part is larger, so the writer wakes less often while the
    /// checks of a large run are still starting.
    static let defaultPartSize = 200

    // Safety: every stored property but the constants is only touched while holding `condition`.
    private let condition = NSCondition()
    private let startedWhen: Int
    private let partSize: Int
    private var pending: [(index: Int, result: CheckResult)] = []
    private var delivered = 0
    private var ending: Ending?

    /// `checks` results are expected, at most `concurrency` of them under way at once.
    convenience init(checks: Int, concurrency: Int) {
        self.init(checks: checks, concurrency: concurrency, partSize: Self.defaultPartSize)
    }

    init(checks: Int, concurrency: Int, partSize: Int) {
        startedWhen = max(0, checks - max(1, concurrency) / 2)
        self.partSize = max(1, partSize)
    }

    /// Results that came in (`index`: the check's config position).
    func deliver(_ results: [(index: Int, result: CheckResult)]) {
        guard !results.isEmpty else { return }
        condition.withLock {
            guard ending == nil else { return }
            pending += results
            delivered += results.count
            if isReady { condition.signal() }
        }
    }

    /// The run is over: `results` are all of it, in config order. Later calls change nothing.
    func finish(_ run: ProbeRun, results: [CheckResult]) { end(.finished(run, results)) }

    /// Nothing is to be stored. Does nothing after `finish`.
    func cancel() { end(.cancelled) }

    /// Waits for the next part, or the ending once every result delivered is taken.
    func next() -> (part: [(index: Int, result: CheckResult)], ending: Ending?) {
        condition.withLock {
            while ending == nil, !isReady { condition.wait() }
            if case .cancelled = ending { return ([], .cancelled) }
            defer { pending.removeAll(keepingCapacity: true) }
            return (pending, ending)
        }
    }

    private var isReady: Bool { delivered >= startedWhen && pending.count >= partSize }

    private func end(_ how: Ending) {
        condition.withLock {
            guard ending == nil else { return }
            ending = how
            condition.broadcast()
        }
    }
}
