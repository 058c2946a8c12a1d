import Foundation

extension stat {
    /// The modification time in nanoseconds since 1970 (the field is named differently on Linux and Darwin).
    var modifiedNanoseconds: Int64 {
        #if os(Linux)
        Int64(st_mtim.tv_sec) * 1_000_000_000 + Int64(st_mtim.tv_nsec)
        #else
        Int64(st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st_mtimespec.tv_nsec)
        #endif
    }
}

extension URL {
    /// Whether the path names a regular file itself (not a symbolic link to one), as the `isRegularFile`
    /// resource value answers. One `lstat`: on Linux that resource value also lists extended attributes and
    /// looks up the owner's name, several system calls per file for a folder of a thousand incidents.
    var isRegularFileNotFollowingLinks: Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
