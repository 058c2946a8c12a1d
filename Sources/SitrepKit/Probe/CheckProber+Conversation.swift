import Foundation

extension CheckProber {
    /// A protocol check: connect (and TLS when it has one), then the exchange; latency is the whole of it.
    func probeConversation(_ check: ProtocolCheck, timeoutMs: Int, into result: inout CheckResult) async {
        let tls = check.tlsOptions
        guard let pem = trustedPEM(caFile: tls?.caFile, insecure: tls?.insecure ?? false, into: &result) else { return }
        let outcome = await engine.perform(check.transferRequest(timeoutMs: timeoutMs, trustedCertificatesPEM: pem))
        result.timings = outcome.timings.totalMs > 0 ? outcome.timings : nil
        if let failure = outcome.failure {
            result.error = failure.probeError(timeoutMs: timeoutMs, maxBodyBytes: nil)
            return
        }
        if case .failed(let problem) = outcome.conversation {
            result.error = problem
            return
        }
        result.latencyMs = outcome.timings.totalMs
        if let minimumDays = tls?.certMinDays {
            let expiry = outcome.leafCertificateExpiry.flatMap(CertificateExpiryDate.parse)
            result.error = CertificateExpiryDate.problem(expiry: expiry, minimumDays: minimumDays, now: Date())
        }
    }
}
