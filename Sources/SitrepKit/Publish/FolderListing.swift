import Foundation

/// The entries of one folder, read with `readdir` (no `stat` per entry unless asked): what the site manifest and
/// the removal of a retired site walk.
enum FolderListing {
    struct Entry {
        var name: String
        /// Whether the entry is a folder itself; a symbolic link never is, whatever it points to.
        var isFolder: Bool
    }

    /// The entries of the folder at `path` but `.` and `..`; nil when it cannot be read.
    static func entries(of path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
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
