import Foundation

/// The temporary folder a build is written into before `SitePublisher` swaps it in. Renderers on several
/// threads hand it files as they are made; each is written at once into a new file (plain POSIX writes,
/// no fsync: the publisher flushes the file system once). The first problem is kept and every later write
/// is skipped; the publisher then throws it and removes the folder.
public final class SiteStaging: @unchecked Sendable {
    // Safety: `folders`, `written` and `firstFailure` are only touched while holding `lock`; the file writes
    // themselves go to distinct paths and need no lock.
    private let lock = NSLock()
    private let folder: URL
    private let output: URL
    private var folders: Set<String> = []
    private var written = 0
    private var firstFailure: PublishError?

    init(folder: URL, output: URL) {
        self.folder = folder
        self.output = output
        folders.insert(folder.path)
    }

    /// Files written so far.
    public var count: Int { lock.withLock { written } }

    /// The first file that could not be written.
    public var failure: PublishError? { lock.withLock { firstFailure } }

    /// Writes one file at the relative `path` (which must stay inside the site and be new).
    public func write(_ path: String, _ data: Data) {
        guard failure == nil else { return }
        do throws(PublishError) {
            try SitePublisher.validate(path, output: output)
            let target = folder.appendingPathComponent(path)
            try makeFolder(target.deletingLastPathComponent(), for: path)
            if let problem = Self.writeNewFile(target.path, data) {
                throw PublishError("Cannot write \(output.path)/\(path): \(problem).")
            }
            lock.withLock { written += 1 }
        } catch {
            lock.withLock { if firstFailure == nil { firstFailure = error } }
        }
    }

    private func makeFolder(_ url: URL, for path: String) throws(PublishError) {
        lock.lock()
        defer { lock.unlock() }
        guard !folders.contains(url.path) else { return }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PublishError("Cannot write \(output.path)/\(path): \(SitePublisher.reason(error)).")
        }
        folders.insert(url.path)
    }

    /// Creates `path` (it must not exist) with `data`; nil, or the reason it failed.
    private static func writeNewFile(_ path: String, _ data: Data) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return SitePublisher.errnoReason() }
        var problem: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, problem == nil {
                let written = Foundation.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno != EINTR { problem = SitePublisher.errnoReason() }
                } else {
                    offset += written
                }
            }
        }
        if close(descriptor) != 0, problem == nil { problem = SitePublisher.errnoReason() }
        return problem
    }
}
