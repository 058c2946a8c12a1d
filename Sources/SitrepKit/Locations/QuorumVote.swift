import Foundation

/// How the builder agrees on a check's status from the locations that probe it (`probe.quorum`).
///
/// Each time a location's run arrives at instant t, every location whose newest result of the check is at most
/// `stale_after_s` older than t votes with that result's status; the others are left out. A check is `down` when
/// at least `quorum` voters saw it down, `degraded` when at least `quorum` saw it down or degraded, else `up`.
/// Without `probe.quorum`, the quorum is a majority of the voters (`voters / 2 + 1`): one location alone
/// decides for itself, two must both agree, three need two.
public struct QuorumRule: Sendable, Hashable {
    /// `probe.quorum`; nil: a majority of the locations that vote.
    public var quorum: Int?
    /// `probe.stale_after_s` in milliseconds: a location whose newest result is older than this does not vote.
    public var staleAfterMs: Int64

    public init(quorum: Int?, staleAfterS: Int) {
        self.quorum = quorum
        self.staleAfterMs = Int64(staleAfterS) * 1000
    }

    /// The quorum among `voters` locations.
    public func needed(voters: Int) -> Int { quorum ?? (voters / 2 + 1) }
}

/// One location's newest result of a check, as it stands while the import walks through time.
struct LocationVoter {
    var locationKey: Int64
    var checkKey: Int64
    var runID: Int64
    var ordinal: Int
    var runStartMs: Int64
    var runDurationMs: Double
    var atMs: Int64
    var result: CheckResult
}

enum QuorumVote {
    /// The agreed result of a run at `atMs` whose own result is `result`: its latency and timings (every
    /// location's measurement counts once in response times), the agreed status, and, when that differs from its
    /// own, the error and HTTP status of the newest voter that saw the agreed status.
    static func agreed(_ result: CheckResult, voters: [LocationVoter], atMs: Int64, rule: QuorumRule) -> CheckResult {
        var down = 0, degraded = 0, voting = 0
        for voter in voters where voter.atMs >= atMs - rule.staleAfterMs {
            voting += 1
            switch voter.result.status {
            case .down: down += 1
            case .degraded: degraded += 1
            case .up: break
            }
        }
        let needed = rule.needed(voters: voting)
        let status: CheckStatus = down >= needed ? .down : down + degraded >= needed ? .degraded : .up
        guard status != result.status else { return result }
        var agreed = result
        agreed.status = status
        if status == .up {
            agreed.error = nil
        } else if let witness = voters.filter({ $0.result.status == status && $0.atMs >= atMs - rule.staleAfterMs })
                    .max(by: { $0.atMs < $1.atMs }) {
            agreed.error = witness.result.error
            agreed.httpStatus = witness.result.httpStatus
        }
        return agreed
    }
}
