/// A group of components as the config declares it.
public struct GroupModel: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Member component ids in config order.
    public var componentIDs: [String]
    /// The worst current status of its members.
    public var status: ComponentStatus

    public init(id: String, name: String, componentIDs: [String], status: ComponentStatus) {
        self.id = id
        self.name = name
        self.componentIDs = componentIDs
        self.status = status
    }
}
