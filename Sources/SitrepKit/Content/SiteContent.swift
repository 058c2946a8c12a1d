/// Everything under `content/` that validated.
public struct SiteContent: Sendable, Hashable {
    /// Newest start first (ties by id).
    public let incidents: [Incident]
    /// Latest `scheduledFor` first (ties by id).
    public let maintenance: [Maintenance]

    public init(incidents: [Incident] = [], maintenance: [Maintenance] = []) {
        self.incidents = incidents
        self.maintenance = maintenance
    }

    public func incident(_ id: String) -> Incident? { incidents.first { $0.id == id } }

    public func maintenance(_ id: String) -> Maintenance? { maintenance.first { $0.id == id } }
}
