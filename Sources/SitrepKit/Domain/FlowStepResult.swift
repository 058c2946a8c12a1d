/// What one step of a `flow` check did in one attempt: its own status, HTTP status, phase timings and failure.
public struct FlowStepResult: Sendable, Hashable, Codable {
    public var name: String
    /// nil: the step did not run (an earlier step took the flow down, or the flow's deadline passed).
    public var status: CheckStatus?
    public var httpStatus: Int?
    public var timings: PhaseTimings?
    public var error: ProbeError?

    public init(name: String, status: CheckStatus?, httpStatus: Int? = nil, timings: PhaseTimings? = nil, error: ProbeError? = nil) {
        self.name = name
        self.status = status
        self.httpStatus = httpStatus
        self.timings = timings
        self.error = error
    }
}
