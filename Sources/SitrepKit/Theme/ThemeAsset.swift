import Foundation

/// A file of the theme's `assets/` folder (`assets/widget.js`), published as it is at its path below `assets/`
/// (`widget.js`). Read when the theme is loaded, so the renderer never reads the file system.
public struct ThemeAsset: Sendable, Hashable {
    public var path: String
    public var data: Data

    static func read(_ files: [ThemeFiles.File], strings: UIStrings, diagnostics: inout [Diagnostic]) -> [ThemeAsset] {
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
            assets.append(ThemeAsset(path: path, data: filled(data, path: path, shown: shown, strings: strings, diagnostics: &diagnostics)))
        }
        return assets
    }

    /// A script's or an HTML page's `{{t.KEY}}` replaced by the language's text, escaped for a JavaScript string
    /// literal or for HTML (`TemplateTexts`); any other asset, and one without such a tag, as it is.
    private static func filled(_ data: Data, path: String, shown: String, strings: UIStrings,
                               diagnostics: inout [Diagnostic]) -> Data {
        let escaping: (String) -> String
        if path.hasSuffix(".js") {
            // A JSON string is a JavaScript string literal (`<`, `>`, `&`, U+2028 and U+2029 escaped too).
            escaping = { String(JSONValue.string($0).serialized().dropFirst().dropLast()) }
        } else if path.hasSuffix(".html") {
            escaping = HTMLEscaping.escape
        } else {
            return data
        }
        guard let text = String(data: data, encoding: .utf8), text.contains(TemplateTexts.opening) else { return data }
        return Data(TemplateTexts.fill(text, strings: strings, path: shown, diagnostics: &diagnostics, escaping: escaping).utf8)
    }
}
