import Foundation

/// The files of a theme: those of the site's templates folder, and those of the default theme the site does
/// not override (same relative path). Templates are `*.mustache`; files below `assets/` are assets; anything
/// else (a README, an editor's backup) is ignored.
enum ThemeFiles {
    struct File {
        /// `/`-separated path below the theme folder (`pages/index.mustache`, `assets/widget.js`).
        var relative: String
        var url: URL
        /// The resolved path of the folder it came from (`ResolvedPath.of`), for link checks.
        var root: String
    }

    static let assetsFolder = "assets/"

    /// The theme's templates and assets, or nil (with the problem) when no theme can be read at all.
    static func list(_ theme: ThemeFolders, problems: inout [Diagnostic]) -> (templates: [File], assets: [File])? {
        let site = theme.site
        let siteExists: Bool
        switch InputFolder.classify(site) {
        case .present: siteExists = true
        case .absent where theme.defaultTheme != nil: siteExists = false
        case .absent:
            problems.append(folderProblem(site, "the templates folder does not exist or is not a folder, and no default theme "
                + "was found (set \(DefaultTheme.environmentKey) to a folder holding layout.mustache)"))
            return nil
        case .unusable(let problem):
            problems.append(folderProblem(site, "the templates folder \(problem)"))
            return nil
        }
        var byPath: [String: File] = [:]
        if let defaultTheme = theme.defaultTheme, theme.defaultIsElsewhere {
            let root = ResolvedPath.of(defaultTheme)
            for relative in relativePaths(in: defaultTheme) {
                byPath[relative] = File(relative: relative, url: defaultTheme.appendingPathComponent(relative), root: root)
            }
        }
        if siteExists {
            let root = ResolvedPath.of(site)
            for relative in relativePaths(in: site) {
                byPath[relative] = File(relative: relative, url: site.appendingPathComponent(relative), root: root)
            }
        }
        let files = byPath.keys.sorted().compactMap { byPath[$0] }
        return (files.filter { $0.relative.hasSuffix(".mustache") && !$0.relative.hasPrefix(assetsFolder) },
                files.filter { $0.relative.hasPrefix(assetsFolder) })
    }

    /// Relative paths of every file (not folder) below `directory`, sorted. A folder that is a symbolic link (a
    /// theme shared between sites) is listed through it: Foundation's enumerator does not enter a link.
    static func relativePaths(in directory: URL) -> [String] {
        let base = directory.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        for case let path as String in enumerator {
            var info = stat()
            guard lstat(base + "/" + path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            files.append(path)
        }
        return files.sorted()
    }

    private static func folderProblem(_ folder: URL, _ message: String) -> Diagnostic {
        Diagnostic(path: TemplateSet.displayPath(folder), line: 1, column: 1, message: message)
    }
}
