import Foundation

/// Everything a build's output depends on, reduced to one `ContentDigest`: the sitrep executable, `now`,
/// the config file (environment values are left out: `${VAR}` is expanded only in checks' targets, headers and
/// bodies, which reach the probe and never the site), the database (its write count and file), every
/// file below the content folders the loader reads, the templates folder, the default theme and the static
/// folder. Equal digests mean the build would write byte-identical files (builds are reproducible), so it can be skipped.
///
/// Reading is conservative: a draft or an editor file in a content folder counts although the loader ignores
/// it, and a database without a write count, or any file that cannot be read, gives no digest at all (the
/// build then always runs).
enum BuildInputs {
    static func digest(config: SiteConfig, now: Date, databaseRevision: Int64?) -> String? {
        guard let databaseRevision else { return nil }
        var digest = ContentDigest()
        digest.add("sitrep build inputs 1")
        guard let executable = Bundle.main.executableURL, let identity = FileIdentity.of(executable.path) else { return nil }
        digest.add(identity)
        digest.add(Int64((now.timeIntervalSince1970 * 1000).rounded()))

        guard let configData = FileManager.default.contents(atPath: config.configFile.path) else { return nil }
        digest.add(config.configFile.standardizedFileURL.path)
        digest.add(configData)

        digest.add(databaseRevision)
        digest.add(config.paths.database.standardizedFileURL.path)
        digest.add(FileIdentity.of(config.paths.database.path) ?? "no file")

        let content = config.paths.content
        for folder in [content.appendingPathComponent("incidents"), content.appendingPathComponent("maintenance")] {
            digest.add(folder.standardizedFileURL.path)
            guard addFiles(below: folder, into: &digest) else { return nil }
        }
        digest.add(config.paths.templates.standardizedFileURL.path)
        guard addFiles(below: config.paths.templates, into: &digest) else { return nil }
        // The default theme changes without the executable in development, and SITREP_THEME can point elsewhere.
        digest.add(config.paths.defaultTheme?.standardizedFileURL.path ?? "no default theme")
        if let defaultTheme = config.paths.defaultTheme, !addFiles(below: defaultTheme, into: &digest) { return nil }
        digest.add(config.paths.staticFolder.standardizedFileURL.path)
        guard addFiles(below: config.paths.staticFolder, into: &digest) else { return nil }
        digest.add(config.paths.output.standardizedFileURL.path)
        return digest.hex
    }

    /// Every regular file below `folder` (recursively, sorted by relative path): its path and its bytes.
    /// A missing folder adds a marker and succeeds (the loader treats it as empty); an unreadable one (a link
    /// loop, a link to nothing, a file) fails, so the build runs and reports it.
    private static func addFiles(below folder: URL, into digest: inout ContentDigest) -> Bool {
        switch InputFolder.classify(folder) {
        case .absent:
            digest.add("absent")
            return true
        case .unusable: return false
        case .present: break
        }
        guard let manifest = SiteManifest.read(folder) else { return false }
        for entry in manifest.entries where !entry.path.hasSuffix("/") {
            let file = folder.appending(path: entry.path, directoryHint: .notDirectory)
            guard let data = FileManager.default.contents(atPath: file.path) else { return false }
            digest.add(entry.path)
            digest.add(data)
        }
        return true
    }
}
