import Foundation

/// A file of the theme's `assets/` folder (`assets/widget.js`), published as it is at its path below `assets/`
/// (`widget.js`). Read when the theme is loaded, so the renderer never reads the file system.
public struct ThemeAsset: Sendable, Hashable {
    public var path: String
    public var data: Data

    static func read(_ files: [ThemeFiles.File], diagnostics: inout [Diagnostic]) -> [ThemeAsset] {
        var assets: [ThemeAsset] = []
        for file in files {
            let path = String(file.relative.dropFirst(ThemeFiles.assetsFolder.count))
            let shown = TemplateSet.displayPath(file.url)
            if GeneratedNames.isGenerated(path) {
                diagnostics.append(Diagnostic(path: shown, line: 1, column: 1,
                                              message: "this theme asset would be published as \(path), which sitrep generates itself; rename it"))
                continue
            }
            if case .refused(let problem) = InputFile.classify(file.url, root: file.root, folderName: "templates") {
                diagnostics.append(Diagnostic(path: shown, line: 1, column: 1, message: "this theme asset \(problem)"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: file.url.path) else {
                diagnostics.append(Diagnostic(path: shown, line: 1, column: 1, message: "cannot read this theme asset"))
                continue
            }
            assets.append(ThemeAsset(path: path, data: data))
        }
        return assets
    }
}
