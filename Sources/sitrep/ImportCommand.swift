import ArgumentParser
import Foundation
import SitrepKit

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import segment files from probe locations into this site's database.",
        discussion: """
            Files may come in any order and more than once: a segment imported before changes nothing. A file cut \
            short or damaged is refused whole with one sentence (the others are imported); exit 1 then, else 0.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "Segment files written by `sitrep export`.") var files: [String]

    func run() async throws {
        let config = try options.load(forProbing: false)
        let report = try await reportingFailures {
            let lock = try RunLock(at: RunLock.location(for: config))
            let urls = files.map { URL(fileURLWithPath: $0).standardizedFileURL }
            let report = try SegmentPipeline.importFiles(config: config, files: urls)
            withExtendedLifetime(lock) {}
            return report
        }
        var refused = 0
        for (path, outcome) in report.outcomes {
            switch outcome {
            case .imported(let runs, let results, let late):
                let lateNote = late > 0 ? "; \(late) of them older than the agreed history, kept for the location's own view" : ""
                print("Imported \(path) (\(runs) runs, \(results) results\(lateNote)).")
            case .duplicate:
                print("\(path) was imported before; nothing changed.")
            case .refused(let error):
                refused += 1
                printError("sitrep: \(error.description)")
            }
        }
        if let settled = report.settledAt {
            print("Agreed history runs to \(Timestamp.seconds(settled)) (\(report.agreedRuns) runs added).")
        }
        for location in report.locations {
            let state = location.isLive ? "reporting" : "stale, left out of the vote"
            print("Location \(location.name): newest run \(Timestamp.seconds(location.newestRunAt)), \(state).")
        }
        if refused > 0 { throw ExitCode(1) }
    }
}
