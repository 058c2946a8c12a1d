import ArgumentParser
import Foundation
import SitrepKit

/// What `incident` and `maintenance` commands share: their options' checks and how they read and write
/// content files (a new file never replaces one; an edited file is written only when it stays valid, and a
/// symbolic link is never replaced).
enum ContentFiles {
    /// What `incident new` and `maintenance new` need before reading anything (exit 64 otherwise).
    static func validateNew(title: String, components: [String]) throws {
        guard !components.isEmpty else { throw ValidationError("Name at least one affected component with --component ID.") }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("The title must not be empty.") }
    }

    /// Every `--component` must be a component id of the config (exit 1 otherwise, naming the known ones).
    static func checkComponents(_ components: [String], in config: SiteConfig) throws {
        let unknown = components.filter { config.component($0) == nil }
        guard unknown.isEmpty else {
            throw Failure.message("unknown component \(unknown.joined(separator: ", ")); known: "
                + config.components.map(\.id).joined(separator: ", "))
        }
    }

    /// A time option (`--at`, `--eta`, `--from`, `--until`) in a content file's forms and range; exit 64 when
    /// it is neither.
    static func time(_ text: String, option: String, config: SiteConfig) throws -> Date {
        guard let date = ContentTime.parse(text, timeZone: config.site.timezone) else {
            throw Failure.usage("\(option) must be ISO 8601 or 'YYYY-MM-DD HH:MM' in \(config.site.timezoneName), not '\(text)'")
        }
        guard Timestamp.supportedRange.contains(date) else {
            throw Failure.usage("\(option) must lie \(Timestamp.supportedRangeText), not '\(text)'")
        }
        return date
    }

    /// The ids of the `.md` files already in `folder`.
    static func existingIDs(in folder: URL) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
    }

    /// Writes a new file into `folder` (created if missing), never over an existing one; prints its path.
    static func create(_ fileName: String, text: String, in folder: URL) throws {
        let file = folder.appendingPathComponent(fileName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw Failure.message("cannot write \(DisplayPath.of(file)): \(error.localizedDescription)")
        }
        print(DisplayPath.of(file))
    }

    /// The text of the file an update edits. `command` and `noun` name it in messages.
    static func textToUpdate(_ target: ContentFileTarget, command: String, noun: String) throws -> String {
        let file = target.file
        // Writing the update replaces the file; a symbolic link would be replaced by a copy, or lead outside.
        var info = stat()
        if lstat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            throw Failure.message("\(DisplayPath.of(file)) is a symbolic link; \(command) edits only plain files, "
                + "so it was left unchanged (edit the file it points to by hand)")
        }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw Failure.message("no \(noun) file \(DisplayPath.of(file)) (the id is the file name without .md)")
        }
        return text
    }

    /// Replaces the file with its edited text, unless the edit left `problems` (then nothing is written).
    static func replace(_ target: ContentFileTarget, with text: String, problems: [Diagnostic]) throws {
        guard problems.isEmpty else {
            printError("The file would not be valid after this update, so it was left unchanged:")
            throw Failure.diagnostics(problems)
        }
        do {
            try Data(text.utf8).write(to: target.file, options: .atomic)
        } catch {
            throw Failure.message("cannot write \(DisplayPath.of(target.file)): \(error.localizedDescription)")
        }
    }
}
