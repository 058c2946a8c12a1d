import ArgumentParser
import Foundation
import SitrepKit

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the runs probed since the last export into a segment file for the builder.",
        discussion: """
            One file per location name, `<location>.<first run>-<last run>.segment`, written whole or not at all; \
            carry it to the builder with any file transport and run `sitrep import` there. Exits 0 when nothing \
            is new; 1 when the config, the database or the folder is unusable.
            """
    )

    @OptionGroup var options: ConfigOption
    @Option(help: "Folder the segment files are written to.") var to = "segments"

    func run() async throws {
        let config = try options.load(forProbing: false)
        try await reportingFailures {
            let lock = try RunLock(at: RunLock.location(for: config))
            let written = try SegmentPipeline.export(config: config, to: URL(fileURLWithPath: to).standardizedFileURL)
            withExtendedLifetime(lock) {}
            if written.isEmpty { print("Nothing new to export since the last export.") }
            for (segment, file) in written {
                print("Wrote \(DisplayPath.of(file)) (location \(segment.location), runs \(segment.firstRunID)-\(segment.lastRunID), "
                    + "\(segment.runs.count) runs, \(segment.resultCount) results).")
            }
        }
    }
}
