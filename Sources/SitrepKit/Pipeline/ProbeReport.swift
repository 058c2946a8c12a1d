import Foundation

/// What one `sitrep probe` did: the run and its results, printable as a table or as SPEC.md's JSON.
public struct ProbeReport: Sendable {
    public var run: ProbeRun
    public var results: [CheckResult]

    public init(run: ProbeRun, results: [CheckResult]) {
        self.run = run
        self.results = results
    }

    /// SPEC.md's `probe --json` document.
    public func json() -> String {
        let document = ProbeJSON(
            run: .init(startedAt: Timestamp.json(run.startedAt), durationMs: Int(run.durationMs.rounded()), location: run.location),
            results: results.map(ProbeJSON.Result.init)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    /// A readable summary table: component, check, status, latency, error.
    public func table() -> String {
        let header = ["COMPONENT", "CHECK", "STATUS", "LATENCY", "ERROR"]
        let rows = results.map { result -> [String] in
            [
                result.componentID, result.checkID, result.status.rawValue.uppercased(),
                result.latencyMs.map { "\(Int($0.rounded())) ms" } ?? "-",
                result.error.map { "\($0.kind.rawValue): \($0.message)" } ?? "",
            ]
        }
        let counts = Dictionary(grouping: results, by: \.status).mapValues(\.count)
        let summary = "\(results.count) checks in \(Int(run.durationMs.rounded())) ms: "
            + "\(counts[.up] ?? 0) up, \(counts[.degraded] ?? 0) degraded, \(counts[.down] ?? 0) down"
        return TextTable.render(header: header, rows: rows) + "\n" + summary + "\n"
    }
}

struct ProbeJSON: Encodable {
    struct Run: Encodable {
        var startedAt: String
        var durationMs: Int
        var location: String
        enum CodingKeys: String, CodingKey {
            case startedAt = "started_at", durationMs = "duration_ms", location
        }
    }

    struct Timings: Encodable {
        var dns, connect, tls, ttfb, total: Int

        init(_ timings: PhaseTimings) {
            dns = Int(timings.dnsMs.rounded())
            connect = Int(timings.connectMs.rounded())
            tls = Int(timings.tlsMs.rounded())
            ttfb = Int(timings.ttfbMs.rounded())
            total = Int(timings.totalMs.rounded())
        }
    }

    struct ErrorBody: Encodable {
        var kind: String
        var message: String
    }

    /// One step of a flow; `status` null when it did not run.
    struct Step: Encodable {
        var name: String
        var status: String?
        var httpStatus: Int?
        var timingsMs: Timings?
        var error: ErrorBody?

        enum CodingKeys: String, CodingKey {
            case name, status, error
            case httpStatus = "http_status", timingsMs = "timings_ms"
        }

        init(_ step: FlowStepResult) {
            name = step.name
            status = step.status?.rawValue
            httpStatus = step.httpStatus
            timingsMs = step.timings.map(Timings.init)
            error = step.error.map { ErrorBody(kind: $0.kind.rawValue, message: $0.message) }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(status, forKey: .status)
            try container.encode(httpStatus, forKey: .httpStatus)
            try container.encode(timingsMs, forKey: .timingsMs)
            try container.encode(error, forKey: .error)
        }
    }

    struct Result: Encodable {
        var component: String
        var check: String
        var type: String
        var status: String
        var latencyMs: Int?
        var httpStatus: Int?
        var timingsMs: Timings?
        var error: ErrorBody?
        /// Only for flows.
        var steps: [Step]?

        enum CodingKeys: String, CodingKey {
            case component, check, type, status, error, steps
            case latencyMs = "latency_ms", httpStatus = "http_status", timingsMs = "timings_ms"
        }

        init(_ result: CheckResult) {
            component = result.componentID
            check = result.checkID
            type = result.type.rawValue
            status = result.status.rawValue
            latencyMs = result.latencyMs.map { Int($0.rounded()) }
            httpStatus = result.httpStatus
            timingsMs = result.timings.map(Timings.init)
            error = result.error.map { ErrorBody(kind: $0.kind.rawValue, message: $0.message) }
            steps = result.steps.isEmpty ? nil : result.steps.map(Step.init)
        }

        /// Explicit nulls, as SPEC.md's example shows `"error": null`.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(component, forKey: .component)
            try container.encode(check, forKey: .check)
            try container.encode(type, forKey: .type)
            try container.encode(status, forKey: .status)
            try container.encode(latencyMs, forKey: .latencyMs)
            try container.encode(httpStatus, forKey: .httpStatus)
            try container.encode(timingsMs, forKey: .timingsMs)
            try container.encode(error, forKey: .error)
            try container.encodeIfPresent(steps, forKey: .steps)
        }
    }

    var run: Run
    var results: [Result]
}
