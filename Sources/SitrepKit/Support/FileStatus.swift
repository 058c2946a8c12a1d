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

enum FileIdentity {
    /// Device, inode, size and modification time of the file at `path` (links followed): a replaced or
    /// rewritten file gets another identity. Nil when it cannot be read.
    static func of(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.modifiedNanoseconds)"
    }
}
