import Foundation

/// The temporary folder a build is written into before `SitePublisher` swaps it in. Renderers on several
/// threads hand it files as they are made; each is written at once into a new file (plain POSIX writes,
/// no fsync: the publisher flushes the file system once, before the swap). Starting each file's writeback as
/// soon as it was written (`sync_file_range`) cost more in system time than the one flush saved, measured
/// on full builds of the benchmark site. The first problem is kept and every later write is skipped; the
/// publisher then throws it and removes the folder.
///
/// A file whose bytes equal the published site's file at the same path is not written again: the staging
/// folder gets a hard link to the published file instead. Nothing is ever written to a published file, so the
/// previous site stays byte-for-byte as it was whatever happens to the build; what is saved is creating,
/// filling and later deleting an inode for every page that did not change.
public final class SiteStaging: @unchecked Sendable {
    // Safety: `folders`, `written`, `linked` and `firstFailure` are only touched while holding `lock`; the file
    // writes themselves go to distinct paths and need no lock.
    private let lock = NSLock()
    private let folder: URL
    private let output: URL
    /// The published site whose unchanged files are linked instead of written; nil for a first build.
    private let previous: URL?
    private var folders: Set<String> = []
    private var written = 0
    private var linked = 0
    private var firstFailure: PublishError?

    init(folder: URL, output: URL, previous: URL? = nil) {
        self.folder = folder
        self.output = output
        self.previous = previous
        folders.insert(folder.path)
    }

    /// Files written so far (linked ones included).
    public var count: Int { lock.withLock { written } }

    /// Of those, the files taken over unchanged from the published site.
    public var unchanged: Int { lock.withLock { linked } }

    /// The first file that could not be written.
    public var failure: PublishError? { lock.withLock { firstFailure } }

    /// Writes one file at the relative `path` (which must stay inside the site and be new).
    public func write(_ path: String, _ data: Data) {
        guard failure == nil else { return }
        do throws(PublishError) {
            try SitePublisher.validate(path, output: output)
            // `appending(path:directoryHint:)`: `appendingPathComponent` asks the file system whether each path
            // is a folder, two `stat` calls per file a build writes.
            let target = folder.appending(path: path, directoryHint: .notDirectory)
            try makeFolder(target.deletingLastPathComponent(), for: path)
            if let previous, Self.linkIfUnchanged(previous.appending(path: path, directoryHint: .notDirectory).path, data, to: target.path) {
                lock.withLock { written += 1; linked += 1 }
                return
            }
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

    /// Links `target` to the published file at `published` when that holds exactly `data`; false (and nothing
    /// done) when it differs, is missing or cannot be linked (another file system, no hard links): the caller
    /// then writes the file.
    private static func linkIfUnchanged(_ published: String, _ data: Data, to target: String) -> Bool {
        var info = stat()
        guard lstat(published, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == data.count,
              FileManager.default.contents(atPath: published) == data
        else { return false }
        return link(published, target) == 0
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
