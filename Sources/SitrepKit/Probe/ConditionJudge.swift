import Foundation

/// Judges the `expect` conditions of one response, each in turn, and describes the first that does not hold.
struct ConditionJudge {
    var conditions: [Condition]
    var body: Data
    /// Response headers by lower-cased name (the last response's, after redirects).
    var headers: [String: String]
    var totalMs: Double

    /// The first failed condition whose failure means `status`, as a probe error; nil when all hold.
    func firstFailure(failing status: CheckStatus) -> ProbeError? {
        var document: ResponseJSON??
        for condition in conditions where condition.failing == status {
            let observed: ResponseJSON?
            switch condition.subject {
            case .json(let path):
                if document == nil { document = .some(ResponseJSON.parse(body)) }
                guard let parsed = document ?? nil else {
                    return ProbeError(kind: .json, message: "The response body is not valid JSON, so \(path) could not be checked.",
                                      summary: "\(path): expected \(condition.test.expectedText); the body is not JSON",
                                      severity: status)
                }
                observed = parsed.value(atPath: path)
            case .header(let name):
                observed = headers[name.lowercased()].map(ResponseJSON.string)
            case .responseTime:
                observed = .number((totalMs * 10).rounded() / 10)
            }
            if !observed.passes(condition.test) {
                return Self.failure(condition, observed: observed, severity: status)
            }
        }
        return nil
    }

    private static func failure(_ condition: Condition, observed: ResponseJSON?, severity: CheckStatus) -> ProbeError {
        let expected = condition.test.expectedText
        let kind: ProbeErrorKind = switch condition.subject {
        case .json: .json
        case .header: .header
        case .responseTime: .slow
        }
        let seen: String = switch (condition.subject, observed) {
        case (_, nil): "there is none"
        case (.responseTime, .some(let value)): "it took \(value.summary) ms"
        case (_, .some(let value)): "it is \(value.summary)"
        }
        return ProbeError(kind: kind, message: "The condition \(condition.subjectText) \(expected) failed: \(seen).",
                          summary: "\(condition.subjectText): expected \(expected)", severity: severity)
    }
}
