import Foundation

/// One execution of `sitrep probe`: every check once. The store keeps one run row per append.
public struct ProbeRun: Sendable, Hashable {
    /// When the run started (UTC instant). Component rollups bucket a run by this time.
    public var startedAt: Date
    /// Wall-clock duration of the whole run in milliseconds.
    public var durationMs: Double
    /// The probe location name (`--location`, default "default").
    public var location: String

    public init(startedAt: Date, durationMs: Double, location: String = "default") {
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.location = location
    }
}
