import Foundation

/// How many observations saw each component status: one count per status, indexed by its severity (0...4).
struct StatusCounts: Sendable {
    /// Every status, in severity order.
    static let statuses: [ComponentStatus] = [.operational, .underMaintenance, .degradedPerformance, .partialOutage, .majorOutage]

    private var counts: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)

    func count(of status: ComponentStatus) -> Int {
        switch status.severity {
        case 0: counts.0
        case 1: counts.1
        case 2: counts.2
        case 3: counts.3
        default: counts.4
        }
    }

    mutating func add(_ count: Int, of status: ComponentStatus) {
        switch status.severity {
        case 0: counts.0 += count
        case 1: counts.1 += count
        case 2: counts.2 += count
        case 3: counts.3 += count
        default: counts.4 += count
        }
    }

    /// These counts less `other`'s (counts of a prefix of the same observations).
    func minus(_ other: StatusCounts) -> StatusCounts {
        var difference = StatusCounts()
        difference.counts = (counts.0 - other.counts.0, counts.1 - other.counts.1, counts.2 - other.counts.2,
                             counts.3 - other.counts.3, counts.4 - other.counts.4)
        return difference
    }
}
