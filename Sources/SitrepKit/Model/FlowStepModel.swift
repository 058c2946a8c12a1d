/// One step of a flow check's latest result. `errorMessage` is nil unless the check is `public: true`.
public struct FlowStepModel: Sendable, Hashable {
    public var name: String
    /// nil: the step did not run in the latest attempt.
    public var status: CheckStatus?
    public var httpStatus: Int?
    public var timings: PhaseTimings?
    public var errorKind: ProbeErrorKind?
    /// Which condition or capture failed, as written in the config (no observed value): for every check.
    public var errorSummary: String?
    /// Raw error text with the observed value: only for public checks.
    public var errorMessage: String?

    public init(name: String, status: CheckStatus?, httpStatus: Int? = nil, timings: PhaseTimings? = nil,
                errorKind: ProbeErrorKind? = nil, errorSummary: String? = nil, errorMessage: String? = nil) {
        self.name = name
        self.status = status
        self.httpStatus = httpStatus
        self.timings = timings
        self.errorKind = errorKind
        self.errorSummary = errorSummary
        self.errorMessage = errorMessage
    }
}
