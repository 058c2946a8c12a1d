import ArgumentParser
import Foundation
import SitrepKit

struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Write and update maintenance files in content/maintenance/.",
        subcommands: [NewMaintenance.self, UpdateMaintenance.self]
    )
}

struct NewMaintenance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create content/maintenance/YYYY-MM-DD-slug.md (the day the window starts) with a first `scheduled` update."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The maintenance window's title.") var title: String
    @Option(name: .customLong("component"), parsing: .upToNextOption, help: "Component ids from the config (one or more).")
    var components: [String] = []
    @Option(help: "Start of the window: ISO 8601, or YYYY-MM-DD HH:MM in the site's time zone.") var from: String
    @Option(help: "End of the window, in the same forms; after --from.") var until: String
    @Option(help: "The first update's message.") var message = MaintenanceFile.defaultMessage

    func validate() throws {
        try ContentFiles.validateNew(title: title, components: components)
    }

    func run() throws {
        let config = try options.load(forProbing: false)
        try ContentFiles.checkComponents(components, in: config)
        let start = try ContentFiles.time(from, option: "--from", config: config)
        let end = try ContentFiles.time(until, option: "--until", config: config)
        guard end > start else { throw Failure.usage("--until must be after --from ('\(until)' is not after '\(from)')") }
        let folder = config.paths.content.appendingPathComponent("maintenance")
        let (fileName, text) = MaintenanceFile.new(
            title: title, components: components, from: start, until: end, at: Date(), timeZone: config.site.timezone,
            message: message, existingIDs: ContentFiles.existingIDs(in: folder)
        )
        try ContentFiles.create(fileName, text: text, in: folder)
    }
}

struct UpdateMaintenance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Add a newest update to a maintenance file, leaving the rest of it as it is."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The maintenance: its id (the file name without .md) or its path in content/maintenance/.")
    var maintenance: String
    @Option(help: "scheduled, in_progress, verifying, completed or cancelled (cancelled calls the window off).")
    var status: MaintenanceUpdateStatus
    @Option(help: "The update's message (Markdown).") var message: String
    @Option(help: "The update's time: ISO 8601, or YYYY-MM-DD HH:MM in the site's time zone (default: now).") var at: String?

    /// The id becomes a path below content/maintenance/: checked before any file is read.
    func validate() throws {
        try ContentFileTarget.validate(maintenance, noun: "a maintenance")
    }

    func run() throws {
        let config = try options.load(forProbing: false)
        let zone = config.site.timezone
        let time = try at.map { try ContentFiles.time($0, option: "--at", config: config) } ?? Date()
        let target = try ContentFileTarget.resolve(maintenance, in: config.paths.content.appendingPathComponent("maintenance"),
                                                   noun: "a maintenance")
        let text = try ContentFiles.textToUpdate(target, command: "maintenance update", noun: "maintenance")
        let updated: String
        do {
            updated = try MaintenanceFile.addingUpdate(to: text, status: status, message: message, at: time, timeZone: zone)
        } catch {
            throw Failure.message("\(DisplayPath.of(target.file)): \(error.description)")
        }
        let (_, problems) = ContentLoader.parseMaintenance(
            text: updated, id: target.id, sourcePath: DisplayPath.of(target.file),
            knownComponents: Set(config.components.map(\.id)), timeZone: zone
        )
        try ContentFiles.replace(target, with: updated, problems: problems)
        print("\(DisplayPath.of(target.file)): \(status.rawValue)")
    }
}

extension MaintenanceUpdateStatus: ExpressibleByArgument {}
