import Foundation

/// What is at the path of an input folder (`content/`, `content/incidents/`…) before it is listed. Only a path
/// that does not exist at all is an empty folder; a link loop, a link to nothing, a file where the folder
/// belongs or a folder that cannot be entered is a problem, never an empty site that silently drops every
/// published incident.
enum InputFolder: Equatable {
    case absent
    case present
    /// The words complete a sentence that starts with the folder's path.
    case unusable(String)

    /// `folder` must lie inside `root` (resolved, `ResolvedPath.of`) when given: a link out of it is refused.
    static func classify(_ folder: URL, inside root: String? = nil, rootName: String = "") -> InputFolder {
        var info = stat()
        guard stat(folder.path, &info) == 0 else {
            let code = errno
            var linkInfo = stat()
            if code == ENOENT, lstat(folder.path, &linkInfo) != 0 { return .absent }
            let reason = code == ENOENT ? "it is a symbolic link to nothing" : String(cString: strerror(code))
            return .unusable("cannot be read as a folder (\(reason))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return .unusable("is not a folder") }
        if let root {
            let resolved = ResolvedPath.of(folder)
            guard ResolvedPath.isSameOrInside(resolved, root) else {
                return .unusable("is a symbolic link to \(resolved), outside the \(rootName) folder; links may only point inside it")
            }
        }
        return .present
    }
}
