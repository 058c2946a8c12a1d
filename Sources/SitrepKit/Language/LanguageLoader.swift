import Foundation

/// Loads the texts of one language from a theme: English first (the default theme's `i18n/en.yml`, then the
/// site's), then the language's files in the same order, each later file replacing single keys. English defines
/// the keys: a key it lacks, or a placeholder its text lacks, is a problem of the file that has it.
enum LanguageLoader {
    /// The languages a theme has a file for (`de`, `en`), sorted.
    static func available(in theme: ThemeFolders) -> [String] {
        let names = folders(of: theme).flatMap { folder in
            ThemeFiles.relativePaths(in: folder.appendingPathComponent(LanguageFile.folder))
                .filter { $0.hasSuffix(LanguageFile.suffix) && !$0.contains("/") }
                .map { String($0.dropLast(LanguageFile.suffix.count)) }
        }
        return Array(Set(names)).sorted()
    }

    /// The language whose file serves `tag`: the tag itself (`de-ch`), else its language (`de`), ignoring case.
    static func match(_ tag: String, among available: [String]) -> String? {
        let lowered = tag.lowercased()
        if available.contains(lowered) { return lowered }
        let primary = String(lowered.prefix { $0 != "-" })
        return available.contains(primary) ? primary : nil
    }

    static func load(theme: ThemeFolders, language: String, diagnostics: inout [Diagnostic]) -> UIStrings {
        let english = read("en", theme: theme, diagnostics: &diagnostics)
        var texts: [String: String] = [:]
        var englishPlaceholders: [String: Set<String>] = [:]
        if let base = english.first {
            for (key, entry) in base.entries {
                texts[key] = entry.text
                englishPlaceholders[key, default: []].formUnion(LanguageFile.placeholders(in: entry.text))
            }
        }
        if english.isEmpty {
            diagnostics.append(Diagnostic(path: TemplateSet.displayPath(theme.site.appendingPathComponent("i18n/en.yml")), line: 1, column: 1,
                                          message: "missing language file: the theme needs i18n/en.yml, the English texts every language falls back to"))
        }
        let chosen = language == "en" ? [] : read(language, theme: theme, diagnostics: &diagnostics)
        if language != "en", chosen.isEmpty {
            let known = available(in: theme).joined(separator: ", ")
            diagnostics.append(Diagnostic(path: TemplateSet.displayPath(theme.site.appendingPathComponent("i18n/\(language).yml")), line: 1, column: 1,
                                          message: "unknown language '\(language)': no i18n/\(language).yml in the theme (languages: \(known))"))
        }
        for file in english.dropFirst() + chosen {
            for (key, entry) in file.entries.sorted(by: { $0.key < $1.key }) {
                guard let allowed = englishPlaceholders[key] else {
                    if english.isEmpty { continue }
                    diagnostics.append(Diagnostic(path: file.path, line: entry.location.line, column: entry.location.column,
                                                  message: "unknown key '\(key)': i18n/en.yml has no such text"
                                                    + KeySuggestion.didYouMean(key, among: englishPlaceholders.keys)))
                    continue
                }
                let extra = LanguageFile.placeholders(in: entry.text).subtracting(allowed)
                if !extra.isEmpty {
                    diagnostics.append(Diagnostic(path: file.path, line: entry.location.line, column: entry.location.column,
                                                  message: "'\(key)' uses \(extra.sorted().map { "{\($0)}" }.joined(separator: ", ")), "
                                                    + "which the English text does not (it has \(allowed.isEmpty ? "none" : allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")))"))
                    continue
                }
                texts[key] = entry.text
            }
        }
        return UIStrings(language: language, texts: texts)
    }

    /// The default theme's file of `language`, then the site's, where they exist (once when they are one folder).
    private static func read(_ language: String, theme: ThemeFolders, diagnostics: inout [Diagnostic]) -> [LanguageFile] {
        folders(of: theme).compactMap { folder in
            let url = folder.appendingPathComponent(LanguageFile.folder).appendingPathComponent(language + LanguageFile.suffix)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            if case .refused(let problem) = InputFile.classify(url, root: ResolvedPath.of(folder), folderName: "templates") {
                diagnostics.append(Diagnostic(path: TemplateSet.displayPath(url), line: 1, column: 1, message: "this language file \(problem)"))
                return nil
            }
            return LanguageFile.read(url, language: language, diagnostics: &diagnostics)
        }
    }

    private static func folders(of theme: ThemeFolders) -> [URL] {
        guard let defaultTheme = theme.defaultTheme, theme.defaultIsElsewhere else { return [theme.site] }
        return [defaultTheme, theme.site]
    }
}
