import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (flock) beside the database, so two overlapping cron runs never write or publish at once.
/// Released when the value is deinitialised or the process exits, even by `kill -9`.
public final class RunLock {
    public let url: URL
    /// Nil for a reader's lock in a read-only folder (see `init`).
    private let descriptor: Int32?

    /// Waits up to `wait` for the lock, polling; throws `RunLockError` with a clear sentence otherwise.
    /// A command that only reads the database (`readingOnly`, a build) also runs where the database's folder is
    /// read-only: it locks an existing lock file opened for reading, and where there is none and none can be
    /// made it runs without one, since nothing can write a database there (a writer needs the folder for its
    /// journal and refuses a read-only one).
    public init(at url: URL, wait: Duration = .seconds(10), readingOnly: Bool = false) throws {
        self.url = url
        let folder = url.deletingLastPathComponent().path
        let folderWritable = !FileManager.default.fileExists(atPath: folder) || FileManager.default.isWritableFile(atPath: folder)
        var fd: Int32 = -1
        if folderWritable || !readingOnly {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            fd = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        }
        if fd < 0, readingOnly {
            // flock needs no write permission.
            fd = open(url.path, O_RDONLY | O_CLOEXEC)
            if fd < 0, !folderWritable {
                descriptor = nil
                return
            }
        }
        guard fd >= 0 else {
            throw RunLockError(message: "cannot open the lock file \(DisplayPath.of(url)): \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        let deadline = ContinuousClock.now + wait
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                close(fd)
                let seconds = wait.components.seconds
                throw RunLockError(message: "another sitrep run still holds \(DisplayPath.of(url)) after waiting \(seconds) s; "
                    + "this run did nothing (if no sitrep is running, the lock is released already and the next run will proceed)")
            }
            usleep(100_000)
        }
    }

    deinit {
        guard let descriptor else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

public struct RunLockError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension RunLock {
    /// The lock file beside the site's database (`data/sitrep.sqlite.lock`).
    public static func location(for config: SiteConfig) -> URL {
        config.paths.database.deletingLastPathComponent()
            .appendingPathComponent(config.paths.database.lastPathComponent + ".lock")
    }
}
