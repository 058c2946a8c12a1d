import Foundation

/// How one probe location sees a component (the component page's "By location" table and `api/v1`).
public struct LocationStatusModel: Sendable, Hashable {
    public var name: String
    /// From this location's newest results of the component's checks alone; nil when it has none recent.
    public var status: ComponentStatus?
    /// Mean latency of those newest results that measured one.
    public var latencyMs: Double?
    public var lastResultAt: Date
    /// No result within `stale_after_s` of `now`: left out of the vote, and shown so.
    public var isStale: Bool

    public init(name: String, status: ComponentStatus?, latencyMs: Double?, lastResultAt: Date, isStale: Bool) {
        self.name = name
        self.status = status
        self.latencyMs = latencyMs
        self.lastResultAt = lastResultAt
        self.isStale = isStale
    }
}

enum LocationStatusBuilder {
    /// One row per location that has results of the component's configured checks, by location name.
    static func statuses(_ results: [LocationResult], checkIDs: Set<String>, now: Date, staleAfterS: Int) -> [LocationStatusModel] {
        let byLocation = Dictionary(grouping: results.filter { checkIDs.contains($0.checkID) }, by: \.location)
        return byLocation.keys.sorted().compactMap { name in
            guard let rows = byLocation[name], let last = rows.map(\.at).max() else { return nil }
            let recent = rows.filter { now.timeIntervalSince($0.at) <= Double(staleAfterS) }
            let latencies = recent.compactMap(\.latencyMs)
            return LocationStatusModel(
                name: name, status: ComponentStatus.automatic(from: recent.map(\.status)),
                latencyMs: latencies.isEmpty ? nil : latencies.reduce(0, +) / Double(latencies.count),
                lastResultAt: last, isStale: recent.isEmpty)
        }
    }
}
