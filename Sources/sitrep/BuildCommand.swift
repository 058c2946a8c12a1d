import ArgumentParser
import Foundation
import SitrepKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render the whole site from the database, content and templates, atomically."
    )

    @OptionGroup var options: ConfigOption
    @Option(help: "Pin the build's clock (ISO 8601); also SOURCE_DATE_EPOCH. Same inputs + same now = identical output.")
    var now: String?

    func run() async throws {
        // A bad --now or SOURCE_DATE_EPOCH is bad usage (exit 64), told before anything else is read.
        let date = try await reportingFailures { try BuildClock.resolve(now: now) }
        let config = try options.load(forProbing: false)
        try await reportingFailures {
            let lock = try RunLock(at: RunLock.location(for: config), readingOnly: true)
            let summary = try BuildPipeline.build(config: config, now: date)
            withExtendedLifetime(lock) {}
            print(summary.line)
        }
    }
}

extension BuildPipeline.Summary {
    var line: String {
        if upToDate {
            return "Up to date: \(DisplayPath.of(output)) already holds the build of these inputs (\(files) files: "
                + "\(counted(components, "component")), \(counted(incidents, "incident")), "
                + "\(counted(maintenance, "maintenance window")); overall: \(indicator.description))."
        }
        let kept = unchanged > 0 ? " (\(unchanged) unchanged)" : ""
        return "Built \(files) files\(kept) into \(DisplayPath.of(output)): \(counted(components, "component")), "
            + "\(counted(incidents, "incident")), \(counted(maintenance, "maintenance window")); overall: \(indicator.description)."
    }
}

/// "1 incident", "2 incidents".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
