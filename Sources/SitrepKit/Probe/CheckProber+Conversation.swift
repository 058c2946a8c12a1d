import Foundation

extension CheckProber {
    /// A protocol check: connect (and TLS when it has one), then the exchange; latency is the whole of it.
    @inline(never)
    func probeConversation(_ check: ProtocolCheck, timeoutMs: Int, into result: inout CheckResult) async {
        let tls = check.tlsOptions
        guard let pem = trustedPEM(caFile: tls?.caFile, insecure: tls?.insecure ?? false, into: &result) else { return }
        let outcome = await engine.perform(check.transferRequest(timeoutMs: timeoutMs, trustedCertificatesPEM: pem))
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
