import ArgumentParser
import Foundation
import SitrepKit

@main
struct Sitrep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Probe endpoints into SQLite and publish a static status site.",
        subcommands: [
            ProbeCommand.self, BuildCommand.self, RunCommand.self, CheckCommand.self,
            IncidentCommand.self, InitCommand.self,
        ]
    )
}

/// `--config PATH`, shared by every command that reads a site.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Path to the site's config file.")
    var config: String = "sitrep.yml"

    var url: URL { URL(fileURLWithPath: config).standardizedFileURL }

    /// Loads the config, or prints every problem and exits 1.
    func load() throws -> SiteConfig {
        do {
            return try ConfigLoader.load(from: url)
        } catch {
            throw Failure.diagnostics(error.diagnostics)
        }
    }
}
