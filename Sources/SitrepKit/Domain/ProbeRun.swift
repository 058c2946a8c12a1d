import Foundation

/// One execution of `sitrep probe`: when it started, how long it took and where it ran from.
public struct ProbeRun: Sendable, Hashable {
    public var startedAt: Date
    public var durationMs: Double
    public var location: String

    public init(startedAt: Date, durationMs: Double, location: String) {
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.location = location
    }
}
