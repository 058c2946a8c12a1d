/// A component named by an incident or a maintenance window, with the status that event gives it.
public struct AffectedComponent: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// The effect: set explicitly in the content, derived from the impact, or `under_maintenance`; nil for
    /// the components of a cancelled maintenance window, which it leaves as they are.
    public var status: ComponentStatus?

    public init(id: String, name: String, status: ComponentStatus?) {
        self.id = id
        self.name = name
        self.status = status
    }
}
