import Foundation

/// What a name found while listing an input folder (`content/`, `templates/`) is, before anything reads it.
/// A symbolic link is followed only when it leads to a regular file inside that folder: a theme or an
/// incident that links to `/proc/self/environ` or `~/.ssh/id_rsa` would publish it.
enum InputFile: Equatable {
    /// A regular file, or a link to one inside the folder: read it.
    case readable
    /// A folder (never a link to one): not a file to read.
    case folder
    /// Anything else; the words complete a sentence that starts with the file's path ("is a symbolic link…").
    case refused(String)

    /// `file` as found below the input folder whose resolved path (`ResolvedPath.of`) is `root`; `folderName`
    /// names that folder in messages ("content", "templates").
    static func classify(_ file: URL, root: String, folderName: String) -> InputFile {
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return .refused("cannot be read (\(String(cString: strerror(errno))))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .readable
        case S_IFDIR: return .folder
        case S_IFLNK: break
        default: return .refused("is not a regular file")
        }
        guard let real = realpath(file.path, nil) else {
            return .refused("is a symbolic link that leads nowhere readable (\(String(cString: strerror(errno))))")
        }
        let target = String(cString: real)
        free(real)
        guard ResolvedPath.isSameOrInside(target, root) else {
            return .refused("is a symbolic link to \(target), outside the \(folderName) folder; links may only point "
                + "to files inside it, so copy the file in instead")
        }
        guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .refused("is a symbolic link to \(target), which is not a regular file")
        }
        return .readable
    }
}
