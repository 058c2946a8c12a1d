import Foundation

/// Replaces an output folder with a new set of files so that a reader never sees a half-written site:
/// everything is written into a temporary sibling folder (`.<name>.tmp-XXXX`), then swapped in by renames
/// (old → `.<name>.old-XXXX`, new → output) and the old folder deleted. Any failure before the swap leaves
/// the previous site byte-for-byte intact and removes the temporary folder. Files of an earlier build that
/// are not in `files` disappear with the old folder.
public struct SitePublisher: Sendable {
    public init() {}

    /// `files` maps relative paths (`components/api.html`) to their bytes.
    public func publish(_ files: [String: Data], to outputDirectory: URL) throws(PublishError) {
        let output = outputDirectory.standardizedFileURL
        let paths = files.keys.sorted()
        for path in paths { try Self.validate(path, output: output) }
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent

        var isDirectory: ObjCBool = false
        let outputExists = fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if outputExists, !isDirectory.boolValue {
            throw PublishError("Cannot publish the site to \(output.path): it exists and is not a folder.")
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PublishError("Cannot create the folder \(parent.path) for the site: \(Self.reason(error)).")
        }

        let staging = parent.appendingPathComponent(".\(name).tmp-\(Self.token())")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw PublishError("Cannot create the temporary folder \(staging.path) beside the site: \(Self.reason(error)).")
        }
        do throws(PublishError) {
            try Self.write(files, paths: paths, into: staging, output: output)
            if let reason = FolderExchange.syncFileSystem(of: staging) {
                throw PublishError("Cannot flush the new site to disk in \(staging.path): \(reason).")
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        try Self.swap(staging, into: output, outputExists: outputExists)
    }

    /// Relative, no empty, `.` or `..` segments, no NUL: a path can never leave the output folder.
    static func validate(_ path: String, output: URL) throws(PublishError) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let bad = path.isEmpty || path.hasPrefix("/") || path.contains("\0")
            || segments.contains { $0.isEmpty || $0 == "." || $0 == ".." }
        if bad {
            throw PublishError("Cannot publish \(output.path)/\(path): the file name must be a relative path inside the site folder.")
        }
    }

    /// Plain POSIX writes into new files (no per-file fsync: the caller flushes the file system once).
    private static func write(_ files: [String: Data], paths: [String], into staging: URL, output: URL) throws(PublishError) {
        let fileManager = FileManager.default
        var folders: Set<String> = [staging.path]
        for path in paths {
            let target = staging.appendingPathComponent(path)
            let folder = target.deletingLastPathComponent()
            do {
                if folders.insert(folder.path).inserted {
                    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                }
            } catch {
                throw PublishError("Cannot write \(output.path)/\(path): \(reason(error)).")
            }
            if let problem = writeNewFile(target.path, files[path] ?? Data()) {
                throw PublishError("Cannot write \(output.path)/\(path): \(problem).")
            }
        }
    }

    /// Creates `path` (it must not exist) with `data`; nil, or the reason it failed.
    private static func writeNewFile(_ path: String, _ data: Data) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errnoReason() }
        var problem: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, problem == nil {
                let written = Foundation.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno != EINTR { problem = errnoReason() }
                } else {
                    offset += written
                }
            }
        }
        if close(descriptor) != 0, problem == nil { problem = errnoReason() }
        return problem
    }

    /// Exchanges the staged folder with the published one in one atomic step (Linux `RENAME_EXCHANGE`), so
    /// the output path always names a whole site, then deletes the old one. Where the file system cannot
    /// exchange, it moves the published folder aside and the staged one in (the output path is briefly
    /// absent, never half-written); if the second rename fails, the old folder is moved back.
    private static func swap(_ staging: URL, into output: URL, outputExists: Bool) throws(PublishError) {
        let fileManager = FileManager.default
        if outputExists {
            switch FolderExchange.exchange(staging, output) {
            case .exchanged:
                try? fileManager.removeItem(at: staging)
                return
            case .failed(let reason):
                try? fileManager.removeItem(at: staging)
                throw PublishError("Cannot swap the new site into \(output.path): \(reason).")
            case .unsupported:
                break
            }
        }
        var retired: URL?
        if outputExists {
            let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(token())")
            guard rename(output.path, aside.path) == 0 else {
                let reason = errnoReason()
                try? fileManager.removeItem(at: staging)
                throw PublishError("Cannot move the previous site \(output.path) aside: \(reason).")
            }
            retired = aside
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = errnoReason()
            if let retired { _ = rename(retired.path, output.path) }
            try? fileManager.removeItem(at: staging)
            throw PublishError("Cannot move the new site into \(output.path): \(reason).")
        }
        if let retired { try? fileManager.removeItem(at: retired) }
    }

    private static func token() -> String {
        String(UUID().uuidString.prefix(8)).lowercased()
    }

    private static func errnoReason() -> String { String(cString: strerror(errno)) }

    /// The underlying POSIX reason when Foundation has one, else its description.
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
