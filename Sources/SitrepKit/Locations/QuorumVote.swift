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

/// One location's newest result of a check, as it stands while the import walks through time: its instant and
/// status, and where the whole result is (result `index` of run `run` of the import's runs), read only when it
/// witnesses an agreed status that is not the run's own.
struct LocationVoter {
    var locationKey: Int64
    var atMs: Int64
    var status: CheckStatus
    var run: Int
    var index: Int
}

enum QuorumVote {
    /// The agreed status of a run at `atMs` whose own result has `status`, with the newest voter that saw it; nil
    /// when it is the run's own status (always, with one location).
    static func agreed(_ status: CheckStatus, voters: [LocationVoter], atMs: Int64, rule: QuorumRule)
        -> (status: CheckStatus, witness: LocationVoter?)? {
        var down = 0, degraded = 0, voting = 0
        for voter in voters where voter.atMs >= atMs - rule.staleAfterMs {
            voting += 1
            switch voter.status {
            case .down: down += 1
            case .degraded: degraded += 1
            case .up: break
            }
        }
        let needed = rule.needed(voters: voting)
        let agreed: CheckStatus = down >= needed ? .down : down + degraded >= needed ? .degraded : .up
        guard agreed != status else { return nil }
        let witness = voters.filter { $0.status == agreed && $0.atMs >= atMs - rule.staleAfterMs }.max { $0.atMs < $1.atMs }
        return (agreed, witness)
    }

    /// The run's own result with the agreed status: its latency and timings (every location's measurement counts
    /// once in response times) and, unless the agreed status is up, the error and HTTP status of the witness.
    static func apply(_ agreed: (status: CheckStatus, witness: LocationVoter?), to result: CheckResult,
                      resultOf: (LocationVoter) -> CheckResult) -> CheckResult {
        var changed = result
        changed.status = agreed.status
        if agreed.status == .up {
            changed.error = nil
        } else if let witness = agreed.witness {
            let seen = resultOf(witness)
            changed.error = seen.error
            changed.httpStatus = seen.httpStatus
        }
        return changed
    }
}
