import Foundation

/// One probe of one check: what `sitrep probe` appends to the store.
public struct CheckResult: Sendable, Hashable {
    public var componentID: String
    public var checkID: String
    public var type: CheckType
    /// When the (last) attempt started.
    public var at: Date
    public var status: CheckStatus
    /// Total time of the last attempt in milliseconds; nil when nothing was measured.
    public var latencyMs: Double?
    public var httpStatus: Int?
    public var timings: PhaseTimings?
    public var error: ProbeError?
    /// How many attempts were made (1 + retries used).
    public var attempts: Int
    /// A `flow` check's steps in order, those that did not run included; empty for other types.
    public var steps: [FlowStepResult]

    public init(
        componentID: String, checkID: String, type: CheckType, at: Date, status: CheckStatus,
        latencyMs: Double?, httpStatus: Int?, timings: PhaseTimings?, error: ProbeError?, attempts: Int = 1,
        steps: [FlowStepResult] = []
    ) {
        self.componentID = componentID
        self.checkID = checkID
        self.type = type
        self.at = at
        self.status = status
        self.latencyMs = latencyMs
        self.httpStatus = httpStatus
        self.timings = timings
        self.error = error
        self.attempts = attempts
        self.steps = steps
    }
}

/// The kinds of check SPEC.md defines.
public enum CheckType: String, Sendable, Codable, CaseIterable {
    case http
    case tcp
    case dns
    case flow
}
