import Foundation

/// `site.lang`, `site.language`, `site.logo`, `site.favicon` and `site.colors`.
extension ConfigDecoder {
    /// The lightest and darkest backgrounds links are drawn on in the default theme, in each scheme.
    static let lightBackgrounds = ["#ffffff", "#f6f8fa"].compactMap(CSSColor.init)
    static let darkBackgrounds = ["#0d1117", "#151b23"].compactMap(CSSColor.init)

    /// `site.lang` (the pages' `<html lang>`) and `site.language` (whose words they use): each defaults to the
    /// other, so that a config written before `site.language` keeps its `lang` and gains the matching words.
    func decodeLanguage(_ reader: inout YAMLMapReader, theme: ThemeFolders) -> (lang: String, language: String) {
        var lang = reader.string("lang")
        if let tag = lang, !LanguageTag.isValid(tag) {
            reader.report("'\(reader.path("lang"))' must be a BCP 47 language tag such as en, de-CH or pt-BR, not '\(tag)'",
                          at: reader.valueNode("lang"))
            lang = nil
        }
        let available = LanguageLoader.available(in: theme)
        guard let language = reader.string("language") else {
            let tag = lang ?? "en"
            return (tag, LanguageLoader.match(tag, among: available) ?? "en")
        }
        guard let matched = LanguageLoader.match(language, among: available) ?? (available.isEmpty ? language.lowercased() : nil) else {
            reader.report("'\(reader.path("language"))' names no language of the theme: '\(language)' is not one of "
                          + available.joined(separator: ", ") + " (add templates/i18n/\(language.lowercased()).yml to add it)",
                          at: reader.valueNode("language"))
            return (lang ?? "en", "en")
        }
        return (lang ?? (LanguageTag.isValid(language) ? language : matched), matched)
    }

    func decodeBranding(_ reader: inout YAMLMapReader, staticFolder: URL) -> SiteBranding {
        var branding = SiteBranding(logo: asset(&reader, "logo", staticFolder: staticFolder),
                                    favicon: asset(&reader, "favicon", staticFolder: staticFolder))
        if var colors = reader.map("colors") {
            branding.accent = color(&colors, "accent", scheme: "light", backgrounds: Self.lightBackgrounds)
            branding.accentDark = color(&colors, "accent_dark", scheme: "dark", backgrounds: Self.darkBackgrounds)
            colors.finish()
        }
        return branding
    }

    /// An http(s) URL, or a file inside the static folder written as a path from the config's folder.
    private func asset(_ reader: inout YAMLMapReader, _ key: String, staticFolder: URL) -> SiteAsset? {
        guard let value = reader.string(key) else { return nil }
        let node = reader.valueNode(key)
        if value.contains("://") {
            guard Self.isAbsoluteWebURL(value) else {
                reader.report("'\(reader.path(key))' must be an absolute http:// or https:// URL or a file in the static folder, not '\(value)'",
                              at: node)
                return nil
            }
            return .url(value)
        }
        let file = Self.resolve(value, against: baseDirectory)
        let root = ResolvedPath.of(staticFolder)
        let shownFolder = DisplayPath.of(staticFolder)
        let lexical = staticFolder.standardizedFileURL.path
        guard ResolvedPath.isSameOrInside(file.path, lexical), file.path != lexical else {
            reader.report("'\(reader.path(key))' must be a file in the static folder (\(shownFolder)/), such as \(shownFolder)/\(key).svg, "
                + "or an https:// URL, not '\(value)'", at: node)
            return nil
        }
        switch InputFile.classify(file, root: root, folderName: "static") {
        case .readable:
            return .staticFile(String(file.path.dropFirst(lexical.count + 1)))
        case .folder:
            reader.report("'\(reader.path(key))' names \(DisplayPath.of(file)), which is a folder, not a file", at: node)
        case .refused(let problem):
            reader.report("'\(reader.path(key))' names \(DisplayPath.of(file)), which \(problem)", at: node)
        }
        return nil
    }

    /// A hex colour that links drawn in it keep WCAG AA contrast (4.5:1) on the scheme's backgrounds.
    private func color(_ reader: inout YAMLMapReader, _ key: String, scheme: String, backgrounds: [CSSColor]) -> CSSColor? {
        guard let text = reader.string(key) else { return nil }
        guard let color = CSSColor(text) else {
            reader.report("'\(reader.path(key))' must be a CSS hex colour such as #0969da or #09d, not '\(text)'",
                          at: reader.valueNode(key))
            return nil
        }
        for background in backgrounds {
            let ratio = color.contrast(with: background)
            if ratio < 4.5 {
                reader.report("'\(reader.path(key))' \(color) has a contrast of \(String(format: "%.1f", ratio)):1 against the "
                    + "\(scheme) background \(background); links need at least 4.5:1 (WCAG AA)", at: reader.valueNode(key))
                return nil
            }
        }
        return color
    }
}
