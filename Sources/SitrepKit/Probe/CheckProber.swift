import Foundation

/// Runs single checks, with retries, against a shared transfer engine.
struct CheckProber: Sendable {
    var engine: CurlMulti
    var trustStore: TrustStore
    var redactor: SecretRedactor
    var retries: Int

    /// Probes `check`, re-trying a `down` attempt up to `retries` times. Every attempt gets the check's full
    /// timeout and retries follow immediately, so a check never takes longer than (retries + 1) × timeout plus
    /// scheduling overhead. `degraded` is never retried: the endpoint answered.
    func probe(_ check: CheckConfig) async -> CheckResult {
        var attempt = 0
        while true {
            attempt += 1
            let result = await probeOnce(check)
            if !triesAgain(after: result, attempt: attempt) { return finished(result, attempts: attempt) }
        }
    }

    /// Whether attempt `number`, which gave `result` (its status settled), is followed by another: a `down` attempt
    /// with retries left.
    func triesAgain(after result: CheckResult, attempt number: Int) -> Bool {
        result.status == .down && number <= retries
    }

    /// Sets an attempt's status from its error: up when there is none.
    static func settleStatus(of result: inout CheckResult) {
        result.status = result.error?.resultingStatus ?? .up
    }

    /// The last attempt's result with its count and every message redacted. Synchronous on purpose: what it
    /// works with stays off the async frame that every check in flight holds while it waits.
    @inline(never)
    func finished(_ last: CheckResult, attempts: Int) -> CheckResult {
        var result = last
        result.attempts = attempts
        result.error = result.error.map(redacted)
        result.steps = result.steps.map { step in
            var step = step
            step.error = step.error.map(redacted)
            return step
        }
        return result
    }

    private func redacted(_ error: ProbeError) -> ProbeError {
        var error = error
        error.message = redactor.redact(error.message)
        error.summary = error.summary.map(redactor.redact)
        return error
    }

    /// Each kind of check is probed by a function of its own that is never inlined here: every check in flight
    /// holds this function's async frame, which would otherwise have room for the locals of all kinds at once.
    private func probeOnce(_ check: CheckConfig) async -> CheckResult {
        var result = Self.blankResult(for: check)
        switch check.target {
        case .http, .tcp, .conversation:
            if let request = transferRequest(for: check, into: &result) {
                judge(await engine.perform(request), of: check, into: &result)
            }
        case .dns(let name, let record):
            await probeDNS(name: name, record: record, timeoutMs: check.timeoutMs, into: &result)
        case .flow(let flow):
            await FlowRunner(engine: engine, trustStore: trustStore, flow: flow, deadlineMs: check.timeoutMs).run(into: &result)
        }
        Self.settleStatus(of: &result)
        return result
    }

    /// An attempt's result before anything is known: up, started now.
    static func blankResult(for check: CheckConfig) -> CheckResult {
        CheckResult(componentID: check.componentID, checkID: check.id, type: check.type, at: Date(),
                    status: .up, latencyMs: nil, httpStatus: nil, timings: nil, error: nil)
    }

    /// The one transfer an attempt of an `http`, `tcp` or protocol check is; nil for the other types, and when the
    /// attempt failed before it (an unreadable `ca_file`, recorded in `result`).
    func transferRequest(for check: CheckConfig, into result: inout CheckResult) -> TransferRequest? {
        switch check.target {
        case .http(let http):
            guard let pem = trustedPEM(caFile: http.caFile, insecure: http.insecure, into: &result) else { return nil }
            return http.transferRequest(timeoutMs: check.timeoutMs, trustedCertificatesPEM: pem)
        case .tcp(let host, let port):
            return TransferRequest(url: CheckTarget.connectURL(host: host, port: port), mode: .connectOnly, timeoutMs: check.timeoutMs)
        case .conversation(let protocolCheck):
            let tls = protocolCheck.tlsOptions
            guard let pem = trustedPEM(caFile: tls?.caFile, insecure: tls?.insecure ?? false, into: &result) else { return nil }
            return protocolCheck.transferRequest(timeoutMs: check.timeoutMs, trustedCertificatesPEM: pem)
        case .dns, .flow:
            return nil
        }
    }

    /// Judges the outcome of the transfer `transferRequest(for:into:)` made into `result` (without its status).
    func judge(_ outcome: TransferOutcome, of check: CheckConfig, into result: inout CheckResult) {
        switch check.target {
        case .http(let http): judgeHTTP(outcome, of: http, timeoutMs: check.timeoutMs, into: &result)
        case .tcp: judgeTCP(outcome, timeoutMs: check.timeoutMs, into: &result)
        case .conversation(let protocolCheck): judgeConversation(outcome, of: protocolCheck, timeoutMs: check.timeoutMs, into: &result)
        case .dns, .flow: break
        }
    }

    private func judgeHTTP(_ outcome: TransferOutcome, of http: HTTPCheck, timeoutMs: Int, into result: inout CheckResult) {
        result.timings = outcome.timings.totalMs > 0 ? outcome.timings : nil
        result.httpStatus = outcome.httpStatus
        if outcome.httpStatus != nil { result.latencyMs = outcome.timings.totalMs }
        result.error = HTTPResponseEvaluator(expectations: http.expect, now: Date())
            .problem(with: outcome, timeoutMs: timeoutMs, maxBodyBytes: http.maxBodyBytes)
    }

    /// The CA bundle for a `ca_file` (`.some(nil)` without one); nil when the file could not be read, which
    /// is then recorded in `result`.
    func trustedPEM(caFile: URL?, insecure: Bool, into result: inout CheckResult) -> Data?? {
        switch trustStore.trustedPEM(caFile: caFile, insecure: insecure) {
        case .success(let bundle): return .some(bundle)
        case .failure(let error):
            result.error = error
            return nil
        }
    }

    private func judgeTCP(_ outcome: TransferOutcome, timeoutMs: Int, into result: inout CheckResult) {
        result.timings = outcome.timings.totalMs > 0 ? outcome.timings : nil
        if let failure = outcome.failure {
            result.error = failure.probeError(timeoutMs: timeoutMs, maxBodyBytes: nil)
        } else {
            result.latencyMs = outcome.timings.totalMs
        }
    }

    @inline(never)
    private func probeDNS(name: String, record: DNSRecordType, timeoutMs: Int, into result: inout CheckResult) async {
        let started = ContinuousClock.now
        let answer = await DNSResolver.lookup(name, record: record, timeoutMs: timeoutMs)
        let elapsed = started.duration(to: .now)
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        switch answer {
        case .addresses:
            result.latencyMs = ms
            result.timings = PhaseTimings(dnsMs: ms, totalMs: ms)
        case .failed(let reason):
            result.error = ProbeError(kind: .dns, message: "No \(record.rawValue) record could be found for \(name) (\(reason)).")
        case .timedOut:
            result.error = ProbeError(kind: .timeout, message: "The \(record.rawValue) lookup for \(name) did not finish within \(timeoutMs) ms.")
        }
    }
}
