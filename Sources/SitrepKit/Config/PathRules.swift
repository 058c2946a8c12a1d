import Foundation

/// The rules `paths` obey, checked when the config is read, so `check`, `probe`, `build` and `run` refuse a
/// dangerous config before anything is written. A build replaces the whole output folder, so the output
/// folder is never the config's folder, an input folder or the database's folder, nor an ancestor of any of
/// them (`output: .` would delete `sitrep.yml`, `content/` and `.git`); nor does it lie inside the content,
/// templates or static folder. Paths are compared as they resolve on disk (`ResolvedPath`), so a symbolic link cannot
/// lead around the rules. The database path must not be a folder.
enum PathRules {
    /// One place the output folder must keep clear of.
    private struct Input {
        /// The `paths` key that sets it; nil for the config file's folder.
        var key: String?
        var what: String
        var url: URL
        /// Whether the output folder may lie below it (as `site/` lies in the config's folder).
        var outputMayBeInside: Bool
    }

    /// Reports every broken rule at the line of the key it concerns; `locations` maps the `paths` keys that
    /// were written to where their values are, `fallback` is where to point when the key was not written.
    static func check(
        _ paths: PathSettings, configFolder: URL, locations: [String: SourceLocation], fallback: SourceLocation,
        collector: DiagnosticCollector
    ) {
        var info = stat()
        if stat(paths.database.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            let shown = DisplayPath.of(paths.database)
            collector.report("'paths.database' (\(shown)) is a folder; it must name the database file, such as \(shown)/sitrep.sqlite",
                             at: locations["database"] ?? fallback)
        }
        if let problem = outputProblem(paths, configFolder: configFolder) {
            collector.report(problem.message, at: locations["output"] ?? problem.key.flatMap { locations[$0] } ?? fallback)
        }
    }

    /// The first input the output folder would overlap, as a sentence, and the key that set that input.
    private static func outputProblem(_ paths: PathSettings, configFolder: URL) -> (message: String, key: String?)? {
        let databaseFile = URL(fileURLWithPath: ResolvedPath.of(paths.database))
        let inputs = [
            Input(key: nil, what: "the config file's folder", url: configFolder, outputMayBeInside: true),
            Input(key: "content", what: "the content folder (paths.content)", url: paths.content, outputMayBeInside: false),
            Input(key: "templates", what: "the templates folder (paths.templates)", url: paths.templates, outputMayBeInside: false),
            Input(key: "static", what: "the static folder (paths.static)", url: paths.staticFolder, outputMayBeInside: false),
            Input(key: "database", what: "the database's folder (paths.database)", url: paths.database.deletingLastPathComponent(),
                  outputMayBeInside: true),
            Input(key: "database", what: "the database's folder (paths.database)", url: databaseFile.deletingLastPathComponent(),
                  outputMayBeInside: true),
        ]
        let output = ResolvedPath.of(paths.output)
        let shownOutput = shown(paths.output, output)
        let ownFolder = "a build replaces the whole output folder, so give the site a folder of its own that holds no input"
        for input in inputs {
            let resolved = ResolvedPath.of(input.url)
            let shownInput = shown(input.url, resolved)
            if output == resolved {
                return ("'paths.output' (\(shownOutput)) is \(input.what); \(ownFolder)", input.key)
            }
            if ResolvedPath.isSameOrInside(resolved, output) {
                return ("'paths.output' (\(shownOutput)) contains \(input.what), \(shownInput); \(ownFolder)", input.key)
            }
            if !input.outputMayBeInside, ResolvedPath.isSameOrInside(output, resolved) {
                return ("'paths.output' (\(shownOutput)) is inside \(input.what), \(shownInput); the site would become part of "
                    + "its own input, so give it a folder of its own outside the inputs", input.key)
            }
        }
        return nil
    }

    /// A path as the user wrote it, and where it leads when symbolic links make that another place.
    private static func shown(_ url: URL, _ resolved: String) -> String {
        let written = DisplayPath.of(url)
        return url.standardizedFileURL.path == resolved ? written : "\(written), which leads to \(resolved)"
    }
}
