import Foundation

/// Judges a completed HTTP response against a check's `expect` block.
///
/// The first unmet expectation wins, in this order: status (`http_status`), body keywords (`body`), JSON values
/// (`json`), conditions that take the check down, certificate expiry (`certificate`, degraded), response time
/// (`slow`, degraded), conditions that degrade it.
struct HTTPResponseEvaluator {
    var expectations: HTTPExpectations
    var now: Date

    /// What is wrong with a whole transfer: its transport failure, a missing status, or the first unmet expectation.
    func problem(with outcome: TransferOutcome, timeoutMs: Int, maxBodyBytes: Int?) -> ProbeError? {
        if let failure = outcome.failure { return failure.probeError(timeoutMs: timeoutMs, maxBodyBytes: maxBodyBytes) }
        guard let status = outcome.httpStatus else { return ProbeError(kind: .other, message: "The server sent no HTTP status.") }
        return problem(status: status, body: outcome.body, headers: outcome.headers, totalMs: outcome.timings.totalMs,
                       certificateExpiry: outcome.leafCertificateExpiry.flatMap(CertificateExpiryDate.parse))
    }

    func problem(status: Int, body: Data, headers: [String: String] = [:], totalMs: Double, certificateExpiry: Date?) -> ProbeError? {
        if let problem = statusProblem(status) { return problem }
        if let problem = keywordProblem(body) { return problem }
        if let problem = jsonProblem(body) { return problem }
        let judge = ConditionJudge(conditions: expectations.conditions, body: body, headers: headers, totalMs: totalMs)
        if let problem = judge.firstFailure(failing: .down) { return problem }
        if let problem = certificateProblem(certificateExpiry) { return problem }
        if let limit = expectations.maxResponseMs, totalMs > Double(limit) {
            return ProbeError(kind: .slow, message: "The response took \(Int(totalMs.rounded())) ms, more than the allowed \(limit) ms.")
        }
        return judge.firstFailure(failing: .degraded)
    }

    private func statusProblem(_ status: Int) -> ProbeError? {
        if let allowed = expectations.status {
            guard !allowed.contains(status) else { return nil }
            let list = allowed.map(String.init).joined(separator: ", ")
            return ProbeError(kind: .httpStatus, message: "The server answered with HTTP status \(status), expected one of \(list).")
        }
        guard !(200...399).contains(status) else { return nil }
        return ProbeError(kind: .httpStatus, message: "The server answered with HTTP status \(status), expected 2xx or 3xx.")
    }

    private func keywordProblem(_ body: Data) -> ProbeError? {
        guard expectations.bodyContains != nil || expectations.bodyNotContains != nil else { return nil }
        let text = String(decoding: body, as: UTF8.self)
        if let wanted = expectations.bodyContains, !text.contains(wanted) {
            return ProbeError(kind: .body, message: "The response body does not contain the expected text \"\(wanted)\".")
        }
        if let unwanted = expectations.bodyNotContains, text.contains(unwanted) {
            return ProbeError(kind: .body, message: "The response body contains the unwanted text \"\(unwanted)\".")
        }
        return nil
    }

    private func jsonProblem(_ body: Data) -> ProbeError? {
        guard !expectations.json.isEmpty else { return nil }
        guard let document = ResponseJSON.parse(body) else {
            return ProbeError(kind: .json, message: "The response body is not valid JSON.")
        }
        for expectation in expectations.json {
            guard let actual = document.value(atPath: expectation.path) else {
                return ProbeError(kind: .json, message: "The JSON response has no value at \(expectation.path), expected \(expectation.expected).")
            }
            if !actual.matches(expectation.expected) {
                return ProbeError(kind: .json, message: "The JSON value at \(expectation.path) is \(actual.summary), expected \(expectation.expected).")
            }
        }
        return nil
    }

    private func certificateProblem(_ expiry: Date?) -> ProbeError? {
        guard let minimumDays = expectations.certMinDays, let expiry else { return nil }
        let daysLeft = expiry.timeIntervalSince(now) / 86_400
        guard daysLeft < Double(minimumDays) else { return nil }
        let shown = max(0, Int(daysLeft.rounded(.down)))
        return ProbeError(kind: .certificate, message: "The TLS certificate expires in \(shown) days, sooner than the required \(minimumDays) days.")
    }
}
