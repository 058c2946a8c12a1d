import Foundation

/// `static/` (`paths.static`): files copied into the output as they are, at their path below the folder
/// (`static/robots.txt` → `robots.txt`, `static/img/logo.svg` → `img/logo.svg`). Checked like content: a
/// symbolic link may only lead to a regular file inside the folder, and a name that sitrep generates itself
/// (`index.html`, `api/`…) or that a theme asset takes (`widget.js`) is refused rather than silently replaced.
enum StaticFiles {
    struct File: Sendable {
        /// `/`-separated path below the static folder, which is also its path in the output.
        var path: String
        var url: URL
    }

    /// The files to copy and every problem found; an absent folder is an empty one.
    static func list(in folder: URL, themeAssets: [String]) -> ([File], [Diagnostic]) {
        switch InputFolder.classify(folder) {
        case .absent: return ([], [])
        case .unusable(let problem):
            return ([], [Diagnostic(path: DisplayPath.of(folder), line: 1, column: 1, message: "the static folder \(problem)")])
        case .present: break
        }
        let root = ResolvedPath.of(folder)
        let taken = Set(themeAssets)
        var files: [File] = []
        var problems: [Diagnostic] = []
        for path in ThemeFiles.relativePaths(in: folder) {
            let url = folder.appendingPathComponent(path)
            func refuse(_ message: String) {
                problems.append(Diagnostic(path: DisplayPath.of(url), line: 1, column: 1, message: message))
            }
            if GeneratedNames.isGenerated(path) {
                refuse("this static file would be published as \(path), where sitrep writes its own pages and documents; "
                    + "rename it or move it into a folder of its own")
                continue
            }
            if taken.contains(path) {
                refuse("this static file would be published as \(path), which the theme publishes (templates/assets/\(path)); "
                    + "to change it, override templates/assets/\(path) instead")
                continue
            }
            switch InputFile.classify(url, root: root, folderName: "static") {
            case .readable: files.append(File(path: path, url: url))
            case .folder: continue
            case .refused(let problem): refuse("this static file \(problem)")
            }
        }
        return (files, problems)
    }
}
