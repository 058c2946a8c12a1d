import Foundation

/// Runs one attempt of a `flow` check: its steps in order on the shared transfer engine, one cookie jar (libcurl's
/// cookie engine, handed from step to step), captured values filled into later steps, one deadline for all.
///
/// A step that fails `down` ends the flow (the steps after it are recorded as not run); a degraded step does not.
/// The flow is as bad as its worst step, and its error is the first `down` step's (else the first degraded one's),
/// naming the step. Captured values are scrubbed from every message, shown as `${steps.NAME.CAPTURE}`.
struct FlowRunner {
    var engine: CurlMulti
    var trustStore: TrustStore
    var flow: FlowCheck
    var deadlineMs: Int

    /// The deadline counts the steps' own transfer times as libcurl measures them (what `timeout_ms` bounds for
    /// any check), not time spent waiting for a free transfer slot or a busy thread.
    @inline(never)
    func run(into result: inout CheckResult) async {
        var spentMs = 0.0
        var cookies: [String] = []
        var captured: [String: [String: String]] = [:]
        var capturedSecrets = SecretRedactor()
        var steps: [FlowStepResult] = []
        var ended = false
        for step in flow.steps {
            guard !ended else {
                steps.append(FlowStepResult(name: step.name, status: nil))
                continue
            }
            let remainingMs = deadlineMs - Int(spentMs.rounded(.up))
            guard remainingMs > 0 else {
                let error = ProbeError(kind: .timeout, message: "The flow's deadline of \(deadlineMs) ms passed before this step started.",
                                       summary: "did not start within the flow's \(deadlineMs) ms")
                steps.append(FlowStepResult(name: step.name, status: .down, error: error))
                ended = true
                continue
            }
            var outcome = StepOutcome(name: step.name)
            await run(step, timeoutMs: remainingMs, captured: captured, cookies: &cookies, into: &outcome)
            spentMs += outcome.timings?.totalMs ?? 0
            if outcome.error == nil || outcome.error?.resultingStatus != .down {
                for (name, value) in outcome.captured {
                    captured[step.name, default: [:]][name] = value
                    capturedSecrets.add(name: "steps.\(step.name).\(name)", value: value)
                }
            }
            var stepResult = outcome.result
            stepResult.error = stepResult.error.map { error in
                var error = error
                error.message = capturedSecrets.redact(error.message)
                error.summary = error.summary.map(capturedSecrets.redact)
                return error
            }
            steps.append(stepResult)
            ended = stepResult.status == .down
        }
        summarise(steps, into: &result)
    }

    /// What one step produced before it is judged.
    private struct StepOutcome {
        var name: String
        var httpStatus: Int?
        var timings: PhaseTimings?
        var error: ProbeError?
        var captured: [String: String] = [:]

        var result: FlowStepResult {
            FlowStepResult(name: name, status: error?.resultingStatus ?? .up, httpStatus: httpStatus, timings: timings, error: error)
        }
    }

    private func run(_ step: FlowStep, timeoutMs: Int, captured: [String: [String: String]], cookies: inout [String],
                     into outcome: inout StepOutcome) async {
        let pem: Data?
        switch trustStore.trustedPEM(for: step.request) {
        case .success(let bundle): pem = bundle
        case .failure(let error):
            outcome.error = error
            return
        }
        var http = step.request
        http.url = StepReference.substitute(in: http.url, values: captured)
        http.body = http.body.map { StepReference.substitute(in: $0, values: captured) }
        http.headers = http.headers.map { HTTPHeader(name: $0.name, value: StepReference.substitute(in: $0.value, values: captured)) }
        var request = http.transferRequest(timeoutMs: timeoutMs, trustedCertificatesPEM: pem)
        request.cookies = cookies
        for capture in step.captures {
            if case .header(let name) = capture.source { request.responseHeaderNames.append(name) }
        }
        let response = await engine.perform(request)
        if !response.cookies.isEmpty { cookies = response.cookies }
        outcome.timings = response.timings.totalMs > 0 ? response.timings : nil
        outcome.httpStatus = response.httpStatus
        if response.failure?.reason == .timedOut {
            outcome.error = ProbeError(kind: .timeout, message: "No complete response before the flow's deadline of \(deadlineMs) ms (\(timeoutMs) ms were left for this step).",
                                       summary: "did not finish within the flow's \(deadlineMs) ms")
            return
        }
        outcome.error = HTTPResponseEvaluator(expectations: http.expect, now: Date())
            .problem(with: response, timeoutMs: timeoutMs, maxBodyBytes: http.maxBodyBytes)
        if outcome.error?.resultingStatus == .down { return }
        let document = step.captures.contains { if case .json = $0.source { true } else { false } } ? ResponseJSON.parse(response.body) : nil
        for capture in step.captures {
            guard let value = Self.value(of: capture, document: document, headers: response.headers, cookies: cookies) else {
                outcome.error = ProbeError(kind: .capture, message: "Nothing to capture as '\(capture.name)' (\(capture.sourceText)) in the response.",
                                           summary: "no value for capture \(capture.name) (\(capture.sourceText))")
                return
            }
            outcome.captured[capture.name] = value
        }
    }

    private static func value(of capture: FlowCapture, document: ResponseJSON?, headers: [String: String], cookies: [String]) -> String? {
        switch capture.source {
        case .json(let path):
            guard let value = document?.value(atPath: path) else { return nil }
            return value.text
        case .header(let name):
            return headers[name.lowercased()]
        case .cookie(let name):
            // Netscape format: domain, subdomains, path, secure, expiry, name, value, separated by tabs.
            for line in cookies {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                if fields.count >= 7, fields[5] == name { return String(fields[6]) }
            }
            return nil
        }
    }

    private func summarise(_ steps: [FlowStepResult], into result: inout CheckResult) {
        result.steps = steps
        let ran = steps.filter { $0.status != nil }
        result.httpStatus = ran.last?.httpStatus
        let totals = ran.compactMap { $0.timings?.totalMs }
        result.latencyMs = totals.isEmpty ? nil : totals.reduce(0, +)
        result.timings = nil
        let failed = ran.first { $0.status == .down } ?? ran.first { $0.status == .degraded }
        guard let failed, let error = failed.error else {
            result.error = nil
            return
        }
        result.error = ProbeError(kind: error.kind, message: "Step '\(failed.name)' failed: \(error.message)",
                                  summary: "step \(failed.name): \(error.summary ?? error.kind.rawValue)",
                                  severity: failed.status)
    }

}
