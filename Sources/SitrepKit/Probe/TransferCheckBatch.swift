import Foundation

/// Runs the checks whose attempt is one transfer (`http`, `tcp` and the protocol checks) without a task per
/// check: their transfers are submitted to the engine under the check's index, and this one loop takes the
/// outcomes as the engine delivers them, a batch per turn of its event loop, judges them, submits retries and
/// the next checks. A check in flight costs an entry in a dictionary instead of a suspended async frame.
///
/// The transfers are spread over `engines` (one event-loop thread each, the least busy one first), so on a
/// machine with two cores two threads serve the sockets.
struct TransferCheckBatch {
    var prober: CheckProber
    var engines: [CurlMulti]
    /// Transfers submitted and not yet finished, at most: the engine's concurrency plus what it may admit in one
    /// turn, so it never waits for this loop for work, nor is a long queue built up front.
    var window: Int

    /// Which checks this runs: those that are one transfer per attempt.
    static func handles(_ check: CheckConfig) -> Bool {
        switch check.target {
        case .http, .tcp, .conversation: true
        case .dns, .flow: false
        }
    }

    /// The final result of each of `indices` (positions in `checks`), in the order they finished; `onResults` is
    /// given them as they finish, a batch per turn of the loop.
    func run(_ checks: [CheckConfig], indices: [Int],
             onResults: (@Sendable ([(index: Int, result: CheckResult)]) -> Void)? = nil) async -> [(index: Int, result: CheckResult)] {
        guard !indices.isEmpty else { return [] }
        let reader = OutcomeBatches()
        var state = State(checks: checks, prober: prober, engineCount: engines.count)
        var next = 0
        var reported = 0
        while true {
            while state.inFlight.count < window, next < indices.count {
                state.attempt(indices[next], number: 1)
                next += 1
            }
            for (engine, submissions) in zip(engines, state.takeSubmissions()) where !submissions.isEmpty {
                engine.submit(submissions, to: reader)
            }
            if let onResults, reported < state.finished.count {
                onResults(Array(state.finished[reported...]))
                reported = state.finished.count
            }
            guard !state.inFlight.isEmpty else { break }
            for (index, outcome) in await reader.next() {
                state.judge(outcome, of: index)
            }
        }
        return state.finished
    }

    /// The checks in flight, the transfers to submit next and the results so far.
    private struct State {
        let checks: [CheckConfig]
        let prober: CheckProber
        /// By index: the attempt's number, the engine it runs on and its result so far.
        var inFlight: [Int: (number: Int, engine: Int, result: CheckResult)] = [:]
        /// The transfers to submit next, by engine.
        var submissions: [[(tag: Int, request: TransferRequest)]]
        /// How many transfers are in flight on each engine.
        var load: [Int]
        var finished: [(index: Int, result: CheckResult)] = []

        init(checks: [CheckConfig], prober: CheckProber, engineCount: Int) {
            self.checks = checks
            self.prober = prober
            submissions = Array(repeating: [], count: engineCount)
            load = Array(repeating: 0, count: engineCount)
        }

        /// Starts attempt `number` of check `index`: queues its transfer, or concludes it at once when it failed
        /// before one (an unreadable `ca_file`).
        mutating func attempt(_ index: Int, number: Int) {
            var result = CheckProber.blankResult(for: checks[index])
            if let request = prober.transferRequest(for: checks[index], into: &result) {
                let engine = load.indices.min { load[$0] < load[$1] } ?? 0
                load[engine] += 1
                inFlight[index] = (number, engine, result)
                submissions[engine].append((index, request))
            } else {
                conclude(index, result, number: number)
            }
        }

        mutating func judge(_ outcome: TransferOutcome, of index: Int) {
            guard let (number, engine, attempt) = inFlight.removeValue(forKey: index) else { return }
            load[engine] -= 1
            var result = attempt
            prober.judge(outcome, of: checks[index], into: &result)
            conclude(index, result, number: number)
        }

        /// Records the attempt's status; a `down` attempt with retries left (`CheckProber.triesAgain`) is
        /// tried again at once.
        private mutating func conclude(_ index: Int, _ result: CheckResult, number: Int) {
            var result = result
            CheckProber.settleStatus(of: &result)
            if prober.triesAgain(after: result, attempt: number) {
                attempt(index, number: number + 1)
            } else {
                finished.append((index, prober.finished(result, attempts: number)))
            }
        }

        mutating func takeSubmissions() -> [[(tag: Int, request: TransferRequest)]] {
            defer { for engine in submissions.indices { submissions[engine].removeAll(keepingCapacity: true) } }
            return submissions
        }
    }
}
