import ArgumentParser
import Foundation
import SitrepKit

struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Write and update incident files in content/incidents/.",
        subcommands: [NewIncident.self, UpdateIncident.self]
    )
}

struct NewIncident: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create content/incidents/YYYY-MM-DD-slug.md with a first `investigating` update."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The incident's title.") var title: String
    @Option(help: "none, minor, major or critical.") var impact: Impact
    @Option(name: .customLong("component"), parsing: .upToNextOption, help: "Component ids from the config (one or more).")
    var components: [String] = []
    @Option(help: "The first update's message.") var message = IncidentFile.defaultMessage

    func validate() throws {
        try ContentFiles.validateNew(title: title, components: components)
    }

    func run() throws {
        let config = try options.load(forProbing: false)
        try ContentFiles.checkComponents(components, in: config)
        let folder = config.paths.content.appendingPathComponent("incidents")
        let (fileName, text) = IncidentFile.new(
            title: title, impact: impact, components: components, at: Date(), timeZone: config.site.timezone,
            message: message, existingIDs: ContentFiles.existingIDs(in: folder)
        )
        try ContentFiles.create(fileName, text: text, in: folder)
    }
}

struct UpdateIncident: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Add a newest update to an incident file, leaving the rest of it as it is."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The incident: its id (the file name without .md) or its path in content/incidents/.") var incident: String
    @Option(help: "investigating, identified, monitoring or resolved (resolved closes the incident).") var status: IncidentStatus
    @Option(help: "The update's message (Markdown).") var message: String
    @Option(help: "Expected resolution time: ISO 8601, or YYYY-MM-DD HH:MM in the site's time zone.") var eta: String?
    @Option(help: "The update's time, in the same forms (default: now); not older than the newest update.") var at: String?

    /// The id becomes a path below content/incidents/: checked before any file is read.
    func validate() throws {
        try ContentFileTarget.validate(incident, noun: "an incident")
    }

    func run() throws {
        let config = try options.load(forProbing: false)
        let zone = config.site.timezone
        let etaDate = try eta.map { try ContentFiles.time($0, option: "--eta", config: config) }
        let time = try at.map { try ContentFiles.time($0, option: "--at", config: config) } ?? Date()
        let target = try ContentFileTarget.resolve(incident, in: config.paths.content.appendingPathComponent("incidents"),
                                                   noun: "an incident")
        let text = try ContentFiles.textToUpdate(target, command: "incident update", noun: "incident")
        let updated: String
        do {
            updated = try IncidentFile.addingUpdate(to: text, status: status, message: message, eta: etaDate, at: time, timeZone: zone)
        } catch {
            throw Failure.message("\(DisplayPath.of(target.file)): \(error.description)")
        }
        let (_, problems) = ContentLoader.parseIncident(
            text: updated, id: target.id, sourcePath: DisplayPath.of(target.file),
            knownComponents: Set(config.components.map(\.id)), timeZone: zone
        )
        try ContentFiles.replace(target, with: updated, problems: problems)
        print("\(DisplayPath.of(target.file)): \(status.rawValue)")
    }
}

extension Impact: ExpressibleByArgument {}
extension IncidentStatus: ExpressibleByArgument {}
