import ArgumentParser
import Foundation
import Logging
import SitrepKit

@main
struct Sitrep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Probe endpoints into SQLite and publish a static status site.",
        version: SitrepVersion.current,
        subcommands: [
            ProbeCommand.self, BuildCommand.self, RunCommand.self, CheckCommand.self,
            IncidentCommand.self, MaintenanceCommand.self, InitCommand.self, DbCommand.self, NotifyCommand.self,
            ExportCommand.self, ImportCommand.self,
        ]
    )

    /// Limits malloc's arenas and sets up logging once, then parses and runs the chosen command as
    /// ArgumentParser does.
    static func main() async {
        MallocArenas.limitToCores()
        LogSetup.bootstrap()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Logs go to stderr; `SITREP_LOG_LEVEL` (trace, debug, info, notice, warning, error; default warning) sets how much.
enum LogSetup {
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = environment["SITREP_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// `--config PATH`, shared by every command that reads a site.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Path to the site's config file.")
    var config: String = "sitrep.yml"

    var url: URL { URL(fileURLWithPath: config).standardizedFileURL }

    /// Loads the config, or prints every problem and exits 1. Commands that do not probe (`forProbing: false`)
    /// accept a `${VAR}` whose variable is not set: they never use the value.
    func load(forProbing: Bool) throws -> SiteConfig {
        do {
            return try ConfigLoader.load(from: url, forProbing: forProbing)
        } catch {
            throw Failure.diagnostics(error.diagnostics)
        }
    }
}
