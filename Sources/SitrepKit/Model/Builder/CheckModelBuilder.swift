import Foundation

/// A configured check with its latest result. The target and the raw error text are published only for
/// checks marked `public: true`, and then scrubbed of every `${VAR}` value (`SecretRedactor`).
enum CheckModelBuilder {
    /// `hourly` and `daily`: this check's rollups (its response times and percentiles come from them alone).
    static func model(_ check: CheckConfig, latest: CheckResult?, hourly: [CheckRollup], daily: [CheckRollup],
                      secrets: SecretRedactor, now: Date) -> CheckModel {
        CheckModel(
            id: check.id, type: check.type, status: latest?.status, at: latest?.at, latencyMs: latest?.latencyMs,
            timings: latest?.timings, httpStatus: latest?.httpStatus, errorKind: latest?.error?.kind,
            errorMessage: check.isPublic ? latest?.error.map { secrets.redact($0.message) } : nil,
            target: check.isPublic ? secrets.redact(check.displayTarget) : nil,
            isPublic: check.isPublic,
            errorSummary: latest?.error?.summary.map(secrets.redact),
            steps: (latest?.steps ?? []).map { step in
                FlowStepModel(
                    name: step.name, status: step.status, httpStatus: step.httpStatus, timings: step.timings,
                    errorKind: step.error?.kind, errorSummary: step.error?.summary.map(secrets.redact),
                    errorMessage: check.isPublic ? step.error.map { secrets.redact($0.message) } : nil)
            },
            responseTimes: LatencyBuilder.responseTimes(hourly, now: now),
            latency: LatencyBuilder.percentiles(hourly: hourly, daily: daily, now: now))
    }
}
