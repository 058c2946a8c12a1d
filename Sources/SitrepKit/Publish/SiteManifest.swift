import Foundation

/// Every file and folder below a published site with what identifies its bytes on disk: inode, size and
/// modification time. Publishing never writes into an existing file (it creates new ones, or links files whose
/// bytes did not change), so a manifest read right after a build equals one read later exactly when nobody has
/// added, removed, replaced or edited anything in the site since.
public struct SiteManifest: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        /// Relative to the site folder; folders end in `/`.
        var path: String
        var inode: UInt64
        var size: Int64
        var modifiedNs: Int64
    }

    var entries: [Entry]

    /// The manifest of `folder`, sorted by path; nil when it is not a readable folder (or holds anything
    /// but files and folders, which a build never writes).
    static func read(_ folder: URL) -> SiteManifest? {
        var entries: [Entry] = []
        guard walk(folder.path, relative: "", into: &entries) else { return nil }
        entries.sort { $0.path < $1.path }
        return SiteManifest(entries: entries)
    }

    private static func walk(_ path: String, relative: String, into entries: inout [Entry]) -> Bool {
        guard let listing = FolderListing.entries(of: path) else { return false }
        for name in listing.map(\.name) {
            let child = path + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { return false }
            let kind = info.st_mode & S_IFMT
            let modified = info.modifiedNanoseconds
            if kind == S_IFDIR {
                entries.append(Entry(path: relative + name + "/", inode: UInt64(info.st_ino), size: 0, modifiedNs: modified))
                guard walk(child, relative: relative + name + "/", into: &entries) else { return false }
            } else if kind == S_IFREG {
                entries.append(Entry(path: relative + name, inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                     modifiedNs: modified))
            } else {
                return false
            }
        }
        return true
    }
}
