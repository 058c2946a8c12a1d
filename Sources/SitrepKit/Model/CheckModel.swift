import Foundation

/// One check of a component with its latest result. `target` and `errorMessage` are already nil unless
/// the check is marked `public: true` (the model builder enforces that; renderers just print what is there).
public struct CheckModel: Sendable, Hashable, Identifiable {
    public var id: String
    public var type: CheckType
    /// Latest result's status; nil when the check has no result yet.
    public var status: CheckStatus?
    /// When the latest result was taken.
    public var at: Date?
    public var latencyMs: Double?
    public var timings: PhaseTimings?
    public var httpStatus: Int?
    public var errorKind: ProbeErrorKind?
    /// Raw error text: only for public checks.
    public var errorMessage: String?
    /// Which condition, capture or step failed, as written in the config (never an observed value or a
    /// target): for every check.
    public var errorSummary: String?
    /// A flow's steps in order (empty for other types).
    public var steps: [FlowStepModel]
    /// URL or host:port or DNS name: only for public checks.
    public var target: String?
    public var isPublic: Bool
    /// This check's own response times, oldest first (hourly means over the last 48 hours, like the component's).
    public var responseTimes: [LatencyPoint]
    /// This check's own total response-time percentiles.
    public var latency: LatencyPercentiles

    public init(
        id: String, type: CheckType, status: CheckStatus?, at: Date? = nil, latencyMs: Double? = nil,
        timings: PhaseTimings? = nil, httpStatus: Int? = nil, errorKind: ProbeErrorKind? = nil,
        errorMessage: String? = nil, target: String? = nil, isPublic: Bool = false,
        errorSummary: String? = nil, steps: [FlowStepModel] = [],
        responseTimes: [LatencyPoint] = [], latency: LatencyPercentiles = LatencyPercentiles()
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.at = at
        self.latencyMs = latencyMs
        self.timings = timings
        self.httpStatus = httpStatus
        self.errorKind = errorKind
        self.errorMessage = errorMessage
        self.target = target
        self.isPublic = isPublic
        self.errorSummary = errorSummary
        self.steps = steps
        self.responseTimes = responseTimes
        self.latency = latency
    }
}
