import Foundation

extension CheckProber {
    /// A protocol check: connect (and TLS when it has one), then the exchange; latency is the whole of it.
    func judgeConversation(_ outcome: TransferOutcome, of check: ProtocolCheck, timeoutMs: Int, into result: inout CheckResult) {
        let tls = check.tlsOptions
        result.timings = outcome.timings.totalMs > 0 ? outcome.timings : nil
        if let failure = outcome.failure {
            result.error = failure.probeError(timeoutMs: timeoutMs, maxBodyBytes: nil)
            return
        }
        switch outcome.conversation {
        case .failed(let problem):
            result.error = problem
            return
        case nil where check.exchange.makeScript() != nil:
            result.error = ProbeError(kind: .other, message: "The connection could not be used for the exchange.")
            return
        case .answered, nil:
            break
        }
        result.latencyMs = outcome.timings.totalMs
        if let minimumDays = tls?.certMinDays {
            let expiry = outcome.leafCertificateExpiry.flatMap(CertificateExpiryDate.parse)
            result.error = CertificateExpiryDate.problem(expiry: expiry, minimumDays: minimumDays, now: Date())
        }
    }
}
