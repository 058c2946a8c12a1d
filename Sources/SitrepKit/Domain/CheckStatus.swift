/// The outcome of one check: SPEC.md's three states.
public enum CheckStatus: String, Sendable, Codable, CaseIterable, Comparable {
    case up
    case degraded
    case down

    private var severity: Int {
        switch self {
        case .up: 0
        case .degraded: 1
        case .down: 2
        }
    }

    public static func < (lhs: CheckStatus, rhs: CheckStatus) -> Bool {
        lhs.severity < rhs.severity
    }
}
