import ArgumentParser
import Foundation
import SitrepKit

/// The file an `incident update` or `maintenance update` edits, named by its id (`2026-11-20-slow-api`) or by
/// its path (`content/incidents/2026-11-20-slow-api.md`, relative to the working folder). Either way it is a
/// `.md` file directly inside the content folder's `incidents/` (or `maintenance/`) whose name is an id.
struct ContentFileTarget {
    let id: String
    let file: URL

    /// The id an argument names: the argument itself, or a path's file name without `.md`.
    static func id(of argument: String) -> String {
        guard argument.hasSuffix(".md") else { return argument }
        return String(URL(fileURLWithPath: argument).lastPathComponent.dropLast(3))
    }

    /// Checked before any file is read, since the id becomes a path: exit 64 when it is not an id.
    static func validate(_ argument: String, noun: String) throws {
        guard Slug.isValid(id(of: argument)) else {
            throw ValidationError("'\(argument)' is not \(noun) id: ids use only a-z, 0-9 and '-' (the file name without .md).")
        }
    }

    /// The file in `folder`; a path that leads to any other folder is bad usage (exit 64).
    static func resolve(_ argument: String, in folder: URL, noun: String) throws -> ContentFileTarget {
        let id = id(of: argument)
        if argument.hasSuffix(".md") {
            let given = URL(fileURLWithPath: argument).standardizedFileURL.deletingLastPathComponent()
            guard given.resolvingSymlinksInPath().path == folder.standardizedFileURL.resolvingSymlinksInPath().path else {
                throw Failure.usage("'\(argument)' is not a file in \(DisplayPath.of(folder))/; name \(noun) by its id "
                    + "or by its file there")
            }
        }
        return ContentFileTarget(id: id, file: folder.appendingPathComponent("\(id).md"))
    }
}
