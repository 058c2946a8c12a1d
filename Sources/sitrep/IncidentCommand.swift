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
        guard !components.isEmpty else { throw ValidationError("Name at least one affected component with --component ID.") }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("The title must not be empty.") }
    }

    func run() throws {
        let config = try options.load(forProbing: false)
        let unknown = components.filter { config.component($0) == nil }
        guard unknown.isEmpty else {
            throw Failure.message("unknown component \(unknown.joined(separator: ", ")); known: "
                + config.components.map(\.id).joined(separator: ", "))
        }
        let folder = config.paths.content.appendingPathComponent("incidents")
        let existing = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        let (fileName, text) = IncidentFile.new(
            title: title, impact: impact, components: components, at: Date(), timeZone: config.site.timezone,
            message: message, existingIDs: Set(existing)
        )
        let file = folder.appendingPathComponent(fileName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw Failure.message("cannot write \(DisplayPath.of(file)): \(error.localizedDescription)")
        }
        print(DisplayPath.of(file))
    }
}

struct UpdateIncident: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Add a newest update to an incident file, leaving the rest of it as it is."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The incident id (its file name without .md).") var id: String
    @Option(help: "investigating, identified, monitoring or resolved (resolved closes the incident).") var status: IncidentStatus
    @Option(help: "The update's message (Markdown).") var message: String
    @Option(help: "Expected resolution time: ISO 8601, or YYYY-MM-DD HH:MM in the site's time zone.") var eta: String?

    /// The id becomes a path below content/incidents/: checked before any file is read.
    func validate() throws {
        guard Slug.isValid(id) else {
            throw ValidationError("'\(id)' is not an incident id: ids use only a-z, 0-9 and '-' (the file name without .md).")
        }
    }

    func run() throws {
        let config = try options.load(forProbing: false)
        let zone = config.site.timezone
        let file = config.paths.content.appendingPathComponent("incidents").appendingPathComponent("\(id).md")
        // Writing the update replaces the file; a symbolic link would be replaced by a copy, or lead outside.
        var info = stat()
        if lstat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            throw Failure.message("\(DisplayPath.of(file)) is a symbolic link; incident update edits only plain files, "
                + "so it was left unchanged (edit the file it points to by hand)")
        }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw Failure.message("no incident file \(DisplayPath.of(file)) (the id is the file name without .md)")
        }
        var etaDate: Date?
        if let eta {
            guard let parsed = ContentTime.parse(eta, timeZone: zone) else {
                throw Failure.message("--eta must be ISO 8601 or 'YYYY-MM-DD HH:MM' in \(config.site.timezoneName), not '\(eta)'")
            }
            guard Timestamp.supportedRange.contains(parsed) else {
                throw Failure.message("--eta must lie \(Timestamp.supportedRangeText), not '\(eta)'")
            }
            etaDate = parsed
        }
        let updated: String
        do {
            updated = try IncidentFile.addingUpdate(to: text, status: status, message: message, eta: etaDate, at: Date(), timeZone: zone)
        } catch {
            throw Failure.message("\(DisplayPath.of(file)): \(error.description)")
        }
        let (_, problems) = ContentLoader.parseIncident(
            text: updated, id: id, sourcePath: DisplayPath.of(file),
            knownComponents: Set(config.components.map(\.id)), timeZone: zone
        )
        guard problems.isEmpty else {
            printError("The file would not be valid after this update, so it was left unchanged:")
            throw Failure.diagnostics(problems)
        }
        do {
            try Data(updated.utf8).write(to: file, options: .atomic)
        } catch {
            throw Failure.message("cannot write \(DisplayPath.of(file)): \(error.localizedDescription)")
        }
        print("\(DisplayPath.of(file)): \(status.rawValue)")
    }
}

extension Impact: ExpressibleByArgument {}
extension IncidentStatus: ExpressibleByArgument {}
