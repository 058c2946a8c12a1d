import Foundation

/// Where a path really leads: its longest existing leading part with every symbolic link, `.` and `..`
/// resolved by the system (`realpath`), followed by the parts that do not exist yet. Two paths name the same
/// place when their resolved paths are equal, whatever links they go through, so safety checks compare these.
enum ResolvedPath {
    static func of(_ url: URL) -> String {
        let written = url.standardizedFileURL.path
        var head = written
        var missing: [String] = []
        while true {
            if let real = realpath(head, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return missing.reversed().reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            let parent = (head as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != head else { return written }
            missing.append((head as NSString).lastPathComponent)
            head = parent
        }
    }

    /// Whether `path` is `folder` or lies below it (both resolved, absolute).
    static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
