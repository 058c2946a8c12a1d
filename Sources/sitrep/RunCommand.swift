import ArgumentParser
import Foundation
import SitrepKit

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Probe, then build: the cron entry point.",
        discussion: """
            Holds a lock beside the database; an overlapping run waits briefly, then exits 1 with a message. \
            Content files with problems are left out and the rest is published: every problem is printed as \
            `check` prints it and the exit code is 3 (published with problems); config or template problems \
            publish nothing (exit 1). With `notifications:` configured, what changed is then sent (see `notify`); \
            failed deliveries are listed on stderr and retried by later runs, and do not change the exit code.
            """
    )

    @OptionGroup var options: ConfigOption
    @Option(help: "Seconds to wait for an overlapping run to finish.") var waitLock = 10
    @Option(help: "Name of the place this probe runs from, stored with the run.") var location = "default"

    func run() async throws {
        // SOURCE_DATE_EPOCH is checked before probing (exit 64 when bad); unpinned, the build reads the clock
        // after the probe, so that it sees the results just stored.
        let pinned = try await reportingFailures { try BuildClock.pinned(now: nil) }
        let config = try options.load(forProbing: true)
        try await reportingFailures {
            let lock = try RunLock(at: RunLock.location(for: config), wait: .seconds(max(waitLock, 0)))
            Progress.say("Probing \(config.checkCount) checks (timeout \(config.probe.timeoutMs) ms)…")
            let report = try await ProbePipeline.run(config: config, location: location)
            print(report.table(), terminator: "")
            fflush(nil)
            Progress.say("Rendering the site…")
            let now = pinned ?? Date()
            let summary = try BuildPipeline.build(config: config, now: now, contentPolicy: .leaveOut)
            print(summary.line)
            if !config.notifications.channels.isEmpty {
                fflush(nil)
                let delivery = try await NotifyPipeline.run(config: config, now: now)
                print(delivery.line)
                for line in delivery.failureLines { printError(line) }
            }
            withExtendedLifetime(lock) {}
            guard summary.problems.isEmpty else { throw Failure.publishedWithProblems(summary) }
        }
    }
}
