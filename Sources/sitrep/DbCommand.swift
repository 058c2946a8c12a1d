import ArgumentParser
import Foundation
import SitrepKit

struct DbCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Show what the database holds: size on disk, pages, rows of every table, time span, last run.",
        discussion: "Only reads the database (it may be read-only); refuses a damaged one. Exits 1 when there is none yet."
    )

    @OptionGroup var options: ConfigOption

    @Flag(name: .long, help: "Print one JSON object instead of the table (fields in the README).")
    var json = false

    func run() async throws {
        let config = try options.load(forProbing: false)
        // No run lock: this only reads, in one read transaction, which sees the last committed state while a
        // probe writes, and never waits for one.
        try await reportingFailures {
            let database = config.paths.database
            guard let inventory = try ResultStore.inventory(at: database) else {
                throw StoreError(.missing, path: database.relativePath)
            }
            print(json ? inventory.json : inventory.report)
        }
    }
}
