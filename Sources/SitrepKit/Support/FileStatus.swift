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
