import CFileSwap
import Foundation

/// The one place that calls the C exchange: swaps two folders in a single step where the system allows it.
enum FolderExchange {
    enum Outcome {
        case exchanged
        /// The file system or kernel cannot exchange atomically; the caller falls back to two renames.
        case unsupported
        case failed(String)
    }

    static func exchange(_ first: URL, _ second: URL) -> Outcome {
        if sitrep_exchange_paths(first.path, second.path) == 0 { return .exchanged }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP { return .unsupported }
        return .failed(String(cString: strerror(code)))
    }
}

extension FolderExchange {
    /// Makes everything written below `folder` durable in one step; nil, or the reason it failed.
    static func syncFileSystem(of folder: URL) -> String? {
        sitrep_sync_filesystem(folder.path) == 0 ? nil : String(cString: strerror(errno))
    }
}
