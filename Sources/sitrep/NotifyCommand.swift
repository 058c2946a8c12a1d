import ArgumentParser
import Foundation
import SitrepKit

struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Send what changed to the notification channels (for setups that build elsewhere).",
        discussion: """
            Finds new incident and maintenance updates and component status changes that have held, enqueues them \
            in the database and delivers every message that is due; failed ones are retried by later runs with \
            backoff. `sitrep run` does the same after publishing. Exits 0 even when a delivery failed (each \
            failure is printed on stderr); 1 when the config or the database is unusable.
            """
    )

    @OptionGroup var options: ConfigOption
    @Flag(help: "Show each channel's deliveries (delivered, pending, given up, last error) instead of sending.") var status = false
    @Flag(help: "With --status: print JSON.") var json = false
    @Option(help: "Send a test message to this channel and report the outcome.") var test: String?
    @Flag(help: "Print what would be sent, and send and record nothing.") var dryRun = false
    @Option(help: "Seconds to wait for an overlapping run to finish.") var waitLock = 10

    func validate() throws {
        if json, !status { throw ValidationError("--json goes with --status") }
        if [status, test != nil, dryRun].filter({ $0 }).count > 1 {
            throw ValidationError("--status, --test and --dry-run are used one at a time")
        }
    }

    func run() async throws {
        if status {
            let config = try options.load(forProbing: false)
            try await reportingFailures {
                let report = try NotificationStatus.read(config: config)
                print(json ? report.json : report.table, terminator: "")
            }
            return
        }
        let config = try options.load(forProbing: true)
        if let test {
            try await reportingFailures { try await sendTest(config: config, channel: test) }
            return
        }
        let pinned = try await reportingFailures { try BuildClock.pinned(now: nil) }
        try await reportingFailures {
            let lock = try RunLock(at: RunLock.location(for: config), wait: .seconds(max(waitLock, 0)))
            if dryRun {
                print(try await NotifyPipeline.dryRun(config: config, now: pinned ?? Date()), terminator: "")
            } else if config.notifications.channels.isEmpty {
                print("No notification channels are configured.")
            } else {
                let report = try await NotifyPipeline.run(config: config, now: pinned ?? Date())
                print(report.line)
                for line in report.failureLines { printError(line) }
            }
            withExtendedLifetime(lock) {}
        }
    }

    private func sendTest(config: SiteConfig, channel: String) async throws {
        guard let outcomes = try await NotifyPipeline.test(config: config, channel: channel) else {
            let names = config.notifications.channels.map(\.name)
            let known = names.isEmpty ? "none is configured" : "configured: \(names.joined(separator: ", "))"
            throw Failure.message("there is no notification channel named '\(channel)' (\(known))")
        }
        guard !outcomes.isEmpty else {
            throw Failure.message("channel '\(channel)' has no recipients (no 'to:' and no subscriber for it)")
        }
        var failed: [String] = []
        for (target, outcome) in outcomes {
            switch outcome {
            case .delivered:
                print("test message delivered to '\(target)'")
            case .failed(let reason), .rejected(let reason):
                failed.append("the test message to '\(target)' failed: \(reason)")
            }
        }
        guard failed.isEmpty else { throw Failure.message(failed.joined(separator: "\n")) }
    }
}
