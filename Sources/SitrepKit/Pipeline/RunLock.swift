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
    private let descriptor: Int32

    /// Waits up to `wait` for the lock, polling; throws `RunLockError` with a clear sentence otherwise.
    public init(at url: URL, wait: Duration = .seconds(10)) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunLockError(message: "cannot open the lock file \(DisplayPath.of(url)): \(String(cString: strerror(errno)))")
        }
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
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

public struct RunLockError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
