/// The order a run starts its checks in: the longest expected first.
///
/// When a run has more checks than `probe.concurrency`, they start as slots free up, and a check that hangs until
/// its timeout holds its slot for the whole timeout from the moment it starts. Started last, it ends the run a full
/// timeout after the other checks; started first, its wait overlaps theirs (longest-processing-time-first
/// scheduling). A check's expected time is what its latest stored attempt took, times its attempts. A check
/// without a stored result is expected to take its whole timeout, since nothing says it will not. Ties (and
/// every check of a first run) keep their order in the config.
///
/// The order only decides when each check starts: every check still runs once per run with its own timeout, and
/// results are returned and stored in config order.
public struct ProbeSchedule: Sendable {
    /// Expected milliseconds of each check with a stored result, by component and check id.
    let expectedMs: [RollupKey: Double]

    init(expectedMs: [RollupKey: Double]) {
        self.expectedMs = expectedMs
    }

    /// No history: every check starts in config order.
    public static let configOrder = ProbeSchedule(expectedMs: [:])

    /// What `check` is expected to take.
    func expectedMs(of check: CheckConfig) -> Double {
        expectedMs[RollupKey(componentID: check.componentID, checkID: check.id)] ?? Double(check.timeoutMs)
    }

    /// `indices` (positions in `checks`) in the order they start: longest expected first, ties in the given order.
    func order(_ indices: [Int], of checks: [CheckConfig]) -> [Int] {
        guard !expectedMs.isEmpty, indices.count > 1 else { return indices }
        let expected = indices.map { expectedMs(of: checks[$0]) }
        return indices.indices
            .sorted { expected[$0] > expected[$1] || (expected[$0] == expected[$1] && $0 < $1) }
            .map { indices[$0] }
    }
}
