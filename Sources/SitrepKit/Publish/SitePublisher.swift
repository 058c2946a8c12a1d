import Foundation

/// Replaces an output folder with a new set of files so that a reader never sees a half-written site:
/// everything is written into a temporary sibling folder (`.<name>.tmp-XXXX`, `StagingNames`), flushed to disk
/// once, then swapped in (see `swap`) and the old folder deleted. An output folder that is a symbolic link is
/// followed: the folder it leads to is replaced, and the link stays. Any failure before the swap leaves the previous site
/// byte-for-byte intact and removes the temporary folder. Files of an earlier build that are not written
/// again disappear with the old folder.
public struct SitePublisher: Sendable {
    public init() {}

    /// `files` maps relative paths (`components/api.html`) to their bytes; every path is checked before
    /// anything is written.
    public func publish(_ files: [String: Data], to outputDirectory: URL) throws(PublishError) {
        for path in files.keys { try Self.validate(path, output: outputDirectory.standardizedFileURL) }
        do {
            _ = try publish(to: outputDirectory) { staging in
                for (path, data) in files { staging.write(path, data) }
            }
        } catch let error as PublishError {
            throw error
        } catch {
            throw PublishError("Cannot publish the site to \(outputDirectory.path): \(error)")
        }
    }

    /// Calls `produce` with the staging folder, which takes each file as soon as it is made (from any
    /// thread), so a build never holds the whole site in memory; then swaps the staged site in. Throws what
    /// `produce` throws, or the first file that could not be written, before anything is swapped. Returns
    /// the number of files published, how many of them were taken over unchanged from the previous site,
    /// and the published site's manifest (nil if it could not be read). The manifest is read from the
    /// staging folder while it is flushed to disk: moving that folder into place changes nothing below it.
    public func publish(to outputDirectory: URL, produce: (SiteStaging) throws -> Void) throws
        -> (files: Int, unchanged: Int, manifest: SiteManifest?)
    {
        let output = try Self.followingLink(outputDirectory.standardizedFileURL)
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()

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

        StagingNames.removeLeftovers(beside: output)
        let stagingURL = StagingNames.staging(for: output)
        do {
            try fileManager.createDirectory(at: stagingURL, withIntermediateDirectories: false)
        } catch {
            throw PublishError("Cannot create the temporary folder \(stagingURL.path) beside the site: \(Self.reason(error)).")
        }
        let staging = SiteStaging(folder: stagingURL, output: output, previous: outputExists ? output : nil)
        let manifest: SiteManifest?
        do {
            try produce(staging)
            if let failure = staging.failure { throw failure }
            // The flush leaves the cores idle, so the folder is listed meanwhile.
            let (flushFailure, listed) = WorkQueue.both({ FolderExchange.syncFileSystem(of: stagingURL) },
                                                        { SiteManifest.read(stagingURL) })
            if let reason = flushFailure {
                throw PublishError("Cannot flush the new site to disk in \(stagingURL.path): \(reason).")
            }
            manifest = listed
        } catch {
            FolderRemoval.remove(stagingURL)
            throw error
        }
        try Self.swap(stagingURL, into: output, outputExists: outputExists)
        return (staging.count, staging.unchanged, manifest)
    }

    /// Relative, no empty, `.` or `..` segments, no NUL: a path can never leave the output folder.
    static func validate(_ path: String, output: URL) throws(PublishError) {
        // Over the UTF-8 bytes: every file a build writes passes here, and `String.contains(_:)` with a string
        // argument is Foundation's search.
        let bytes = path.utf8
        let bad = bytes.isEmpty || bytes.contains(0)
            || bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains { segment in
                segment.isEmpty || (segment.count <= 2 && segment.allSatisfy { $0 == UInt8(ascii: ".") })
            }
        if bad {
            throw PublishError("Cannot publish \(output.path)/\(path): the file name must be a relative path inside the site folder.")
        }
    }

    /// Exchanges the staged folder with the published one in one atomic step (Linux `RENAME_EXCHANGE`), so
    /// the output path always names a whole site, then deletes the old one. Where the file system cannot
    /// exchange, it moves the published folder aside and the staged one in (the output path is briefly
    /// absent, never half-written); if the second rename fails, the old folder is moved back.
    private static func swap(_ staging: URL, into output: URL, outputExists: Bool) throws(PublishError) {
        if outputExists {
            switch FolderExchange.exchange(staging, output) {
            case .exchanged:
                FolderRemoval.remove(staging)
                return
            case .failed(let reason):
                FolderRemoval.remove(staging)
                throw PublishError("Cannot swap the new site into \(output.path): \(reason).")
            case .unsupported:
                break
            }
        }
        var retired: URL?
        if outputExists {
            let aside = StagingNames.retired(for: output)
            guard rename(output.path, aside.path) == 0 else {
                let reason = errnoReason()
                FolderRemoval.remove(staging)
                throw PublishError("Cannot move the previous site \(output.path) aside: \(reason).")
            }
            retired = aside
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = errnoReason()
            if let retired { _ = rename(retired.path, output.path) }
            FolderRemoval.remove(staging)
            throw PublishError("Cannot move the new site into \(output.path): \(reason).")
        }
        if let retired { FolderRemoval.remove(retired) }
    }

    /// The output folder itself may be a symbolic link (to the folder a web server serves, say): the site is
    /// then published into the folder it leads to, swapped there as always, and the link is kept. A link that
    /// leads nowhere is refused.
    private static func followingLink(_ output: URL) throws(PublishError) -> URL {
        var info = stat()
        guard lstat(output.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return output }
        guard let real = realpath(output.path, nil) else {
            throw PublishError("Cannot publish the site to \(output.path): it is a symbolic link that leads nowhere "
                + "(\(errnoReason())); create the folder it points to, or remove the link.")
        }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real), isDirectory: true)
    }

    static func errnoReason() -> String { String(cString: strerror(errno)) }

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
