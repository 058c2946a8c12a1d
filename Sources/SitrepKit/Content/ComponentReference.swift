/// A component an incident or maintenance window names: `components: [api]` gives no explicit status,
/// the map form `components: {api: major_outage}` sets one.
public struct ComponentReference: Sendable, Hashable {
    /// A component id from `sitrep.yml`.
    public let id: String
    /// The status the file sets for this component, if it uses the map form.
    public let status: ComponentStatus?

    public init(id: String, status: ComponentStatus? = nil) {
        self.id = id
        self.status = status
    }
}
