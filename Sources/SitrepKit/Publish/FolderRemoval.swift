import Foundation

/// Deletes a retired site folder on every core. A cron build swaps in a new site and then deletes the old one,
/// thousands of files, before it can return; deleted one by one on one core that took about a quarter of a
/// second on the bench site. The files of different folders are unlinked at once (each folder by one worker),
/// then the folders themselves, deepest first. Best effort, like `FileManager.removeItem` under `try?`: what
/// cannot be deleted stays, and the folder with it.
enum FolderRemoval {
    static func remove(_ folder: URL) {
        let root = folder.path
        var folders = [root]
        var index = 0
        while index < folders.count {
            folders += subfolders(of: folders[index])
            index += 1
        }
        // Sendable copy for the workers; each unlinks the files (and anything else but folders) of one folder.
        let listed = folders
        _ = WorkQueue.map(count: listed.count) { removeFiles(in: listed[$0]) }
        // Breadth-first order lists every folder after its parent, so the reverse order removes children first.
        for path in listed.reversed() { rmdir(path) }
    }

    private static func subfolders(of path: String) -> [String] {
        entries(of: path).filter(\.isFolder).map { path + "/" + $0.name }
    }

    private static func removeFiles(in path: String) {
        for entry in entries(of: path) where !entry.isFolder {
            unlink(path + "/" + entry.name)
        }
    }

    private struct Entry {
        var name: String
        var isFolder: Bool
    }

    /// The entries of the folder at `path` but `.` and `..` (none when it cannot be read). A symbolic link is
    /// never taken for a folder, so nothing outside the folder is ever deleted.
    private static func entries(of path: String) -> [Entry] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            entries.append(Entry(name: name, isFolder: isFolder))
        }
        return entries
    }
}
