import Foundation

/// Tests that need an outside tool (chromium, HTML Tidy, the test venv's Python) skip themselves when it is
/// missing on a developer's machine, but in CI (`CI=true`, which `.ci/run` sets) they run anyway and fail at their
/// `#require`, so a CI machine without the tool can never pass by skipping.
enum RequiredTool {
    static var inCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }

    /// Whether a test that needs the tool at `path` runs.
    static func runs(_ path: String?) -> Bool { path != nil || inCI }
}
