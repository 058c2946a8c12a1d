import ArgumentParser
import Foundation
import SitrepKit

struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Run every check once and append the results to the database.",
        discussion: "Exits 0 even when checks are down; 1 when the config or the database is unusable."
    )

    @OptionGroup var options: ConfigOption
    @Flag(help: "Print the run as JSON instead of a table.") var json = false
    @Option(help: "Name of the place this probe runs from, stored with the run.") var location = "default"

    func validate() throws {
        guard Segment.isValidLocation(location) else {
            throw ValidationError("--location must be 1 to 64 letters, digits, '.', '_' or '-' (it names segment files).")
        }
    }

    func run() async throws {
        let config = try options.load(forProbing: true)
        try await reportingFailures {
            let lock = try RunLock(at: RunLock.location(for: config))
            if !json { Progress.say("Probing \(config.checkCount) checks (timeout \(config.probe.timeoutMs) ms)…") }
            let report = try await ProbePipeline.run(config: config, location: location)
            withExtendedLifetime(lock) {}
            print(json ? report.json() : report.table(), terminator: json ? "\n" : "")
        }
    }
}

/// Progress lines go to stderr, and only when a person is watching (stderr is a terminal), so stdout stays
/// clean for tables and JSON and cron mail carries only results and errors.
enum Progress {
    static func say(_ text: String) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        printError(text)
    }
}
