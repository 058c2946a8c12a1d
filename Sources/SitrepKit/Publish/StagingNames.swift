import Foundation

/// The folders `SitePublisher` makes beside an output folder `site`: `.site.tmp-1a2b3c4d`, the new site being
/// written, and `.site.old-1a2b3c4d`, the previous site moved aside where two folders cannot be exchanged.
/// A build that is killed leaves one behind; the next build of the same output folder removes every such
/// leftover, and nothing else (the name must match exactly). Builds of one site never overlap (`RunLock`), so
/// a leftover is never another build's folder in use.
enum StagingNames {
    private static let tokenLength = 8

    static func staging(for output: URL) -> URL { sibling(of: output, "tmp") }

    static func retired(for output: URL) -> URL { sibling(of: output, "old") }

    private static func sibling(of output: URL, _ kind: String) -> URL {
        let token = String(UUID().uuidString.prefix(tokenLength)).lowercased()
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(kind)-\(token)")
    }

    /// Whether `name` is one that `staging` or `retired` gives for the output folder named `outputName`.
    static func isLeftover(_ name: String, of outputName: String) -> Bool {
        for kind in ["tmp", "old"] {
            let prefix = ".\(outputName).\(kind)-"
            guard name.hasPrefix(prefix) else { continue }
            let token = name.utf8.dropFirst(prefix.utf8.count)
            return token.count == tokenLength
                && token.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
        }
        return false
    }

    /// Deletes the leftovers of earlier builds beside `output`. A leftover that is a folder goes with everything
    /// below it (`FolderRemoval`, which never follows a link); anything else named like one, a symbolic link
    /// included, is only unlinked.
    static func removeLeftovers(beside output: URL) {
        let parent = output.deletingLastPathComponent().path
        let name = output.lastPathComponent
        for entry in FolderListing.entries(of: parent) ?? [] where isLeftover(entry.name, of: name) {
            let path = parent.hasSuffix("/") ? parent + entry.name : parent + "/" + entry.name
            if entry.isFolder {
                FolderRemoval.remove(URL(fileURLWithPath: path, isDirectory: true))
            } else {
                unlink(path)
            }
        }
    }
}
