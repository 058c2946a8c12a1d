/// The `components:` and `events:` limits of a channel or subscriber: nil means "all". An event passes when it
/// is of a listed kind and concerns at least one of the listed components (an event about no component passes,
/// as for `ChannelConfig`).
public struct DeliveryLimits: Sendable, Hashable {
    public var components: Set<String>?
    public var events: Set<NotificationEventKind>?

    public init(components: Set<String>? = nil, events: Set<NotificationEventKind>? = nil) {
        self.components = components
        self.events = events
    }

    /// A test message (`sitrep notify --test`) always passes.
    public func accepts(_ event: NotificationEvent) -> Bool {
        if event.kind == .test { return true }
        if let events, !events.contains(event.kind) { return false }
        if let components, !event.componentIDs.isEmpty, !event.componentIDs.contains(where: components.contains) { return false }
        return true
    }
}
