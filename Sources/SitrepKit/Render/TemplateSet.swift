import Foundation
import Mustache

/// The theme: every `*.mustache` file of the default theme and of the site's templates folder (a site's file
/// replaces the default's of the same relative path), parsed (each escaping its values with `HTMLEscaping`),
/// registered under its path without the extension (`pages/index`, `partials/status`), and the theme's
/// `assets/` files (`widget.js`…), published as they are. Loading collects every problem as a Diagnostic.
/// The build pipeline loads it once and hands it to `HTMLRenderer`; `sitrep check` only wants the problems.
public struct TemplateSet: Sendable {
    /// The templates the renderer itself asks for: the pages, and the bars strip, bar and chart-table row it
    /// renders apart.
    static let required = ["pages/index", "pages/component", "pages/incident", "pages/maintenance", "pages/history",
                           ComponentFragments.template, ComponentFragments.barTemplate, ResponseChartView.rowTemplate]

    /// Where the templates came from (named in messages only): the site's folder.
    public let directory: URL
    let library: MustacheLibrary
    /// The theme's `assets/` files, by their path below `assets/` (which is their path in the output), sorted.
    public let assets: [ThemeAsset]
    /// The words of the site's language (`i18n/`), already placed into the templates' `{{t.KEY}}` tags; the
    /// renderer takes the words it makes itself (status labels, dates, numbers) from here.
    public let strings: UIStrings

    /// Loads and validates the folder; throws every problem at once.
    public init(directory: URL, language: String = "en") throws(DiagnosticsError) {
        try self.init(theme: ThemeFolders(site: directory), language: language)
    }

    /// Loads and validates the theme; throws every problem at once.
    public init(theme: ThemeFolders, language: String = "en") throws(DiagnosticsError) {
        let (templates, diagnostics) = Self.load(theme: theme, language: language)
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        self = templates
    }

    private init(directory: URL, library: MustacheLibrary, assets: [ThemeAsset], strings: UIStrings) {
        self.directory = directory
        self.library = library
        self.assets = assets
        self.strings = strings
    }

    /// Every problem of the templates folder (syntax errors, missing pages, unknown partials); empty when fine.
    public static func problems(in directory: URL) -> [Diagnostic] {
        load(theme: ThemeFolders(site: directory)).1
    }

    /// Every problem of the theme; empty when fine.
    public static func problems(in theme: ThemeFolders, language: String = "en") -> [Diagnostic] {
        load(theme: theme, language: language).1
    }

    /// The parsed templates and every problem found; the templates are usable only when there is none.
    public static func load(directory: URL) -> (TemplateSet, [Diagnostic]) {
        load(theme: ThemeFolders(site: directory))
    }

    public static func load(theme: ThemeFolders, language: String = "en") -> (TemplateSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let files = ThemeFiles.list(theme, problems: &diagnostics) else {
            return (TemplateSet(directory: theme.site, library: MustacheLibrary(), assets: [],
                                strings: UIStrings(language: language, texts: [:])), diagnostics)
        }
        let strings = LanguageLoader.load(theme: theme, language: language, diagnostics: &diagnostics)
        let library = loadLibrary(files.templates, theme: theme, strings: strings, diagnostics: &diagnostics)
        let assets = ThemeAsset.read(files.assets, strings: strings, diagnostics: &diagnostics)
        return (TemplateSet(directory: theme.site, library: library, assets: assets, strings: strings), diagnostics.sorted())
    }

    private static func loadLibrary(_ files: [ThemeFiles.File], theme: ThemeFolders, strings: UIStrings,
                                    diagnostics: inout [Diagnostic]) -> MustacheLibrary {
        var templates: [String: MustacheTemplate] = [:]
        var sources: [PartialCycles.Source] = []
        HTMLEscaping.register()  // before parsing: the pragma each template gets names it
        for source in files {
            let file = source.url
            let name = String(source.relative.dropLast(".mustache".count))
            // A link out of the folder (to /proc/self/environ, say) would be published as a page.
            if case .refused(let problem) = InputFile.classify(file, root: source.root, folderName: "templates") {
                diagnostics.append(Diagnostic(path: displayPath(file), line: 1, column: 1, message: "this template \(problem)"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                diagnostics.append(Diagnostic(path: displayPath(file), line: 1, column: 1, message: "cannot read this template"))
                continue
            }
            let text: String
            switch UTF8Text.decode(data) {
            case .success(let decoded):
                text = TemplateTexts.fill(decoded, strings: strings, path: displayPath(file), diagnostics: &diagnostics)
            case .failure(let invalid):
                diagnostics.append(Diagnostic(path: displayPath(file), line: invalid.location.line, column: invalid.location.column,
                                              message: invalid.message))
                continue
            }
            // Read once: the nesting check, the partial checks below and the cycle check all look at these tags.
            let tags = TemplateTag.scan(text)
            if let tooDeep = TemplateNesting.problem(in: tags, path: displayPath(file)) {
                diagnostics.append(tooDeep)
                continue
            }
            do {
                // Every template escapes with `HTMLEscaping`; the pragma line it adds is taken off error lines.
                templates[name] = try MustacheTemplate(string: HTMLEscaping.pragma + text)
                sources.append(PartialCycles.Source(name: name, path: displayPath(file), tags: tags))
            } catch let error as MustacheTemplate.ParserError {
                let line = max(error.context.lineNumber - HTMLEscaping.pragmaLines, 1)
                diagnostics.append(Diagnostic(path: displayPath(file), line: line,
                                              column: error.context.columnNumber, message: describe(error.error)))
            } catch {
                diagnostics.append(Diagnostic(path: displayPath(file), line: 1, column: 1, message: "cannot parse this template: \(error)"))
            }
        }
        // Names of every template file, parsed or not: a broken file is reported once, not again where it is used.
        let known = Set(files.map { String($0.relative.dropLast(".mustache".count)) })
        let noDefault = theme.defaultTheme == nil
            ? " (and no default theme was found: set \(DefaultTheme.environmentKey) to a folder holding layout.mustache)" : ""
        for name in required where !known.contains(name) {
            diagnostics.append(Diagnostic(path: displayPath(theme.site.appendingPathComponent(name + ".mustache")), line: 1, column: 1,
                                          message: "missing template: the renderer needs \(name).mustache\(noDefault)"))
        }
        let whereLooked = theme.defaultTheme == nil ? "in the templates folder" : "in the templates folder or the default theme"
        for source in sources {
            for tag in source.tags {
                guard let name = tag.partialName, !name.hasPrefix("*"), !known.contains(name) else { continue }
                diagnostics.append(Diagnostic(path: source.path, line: tag.line, column: tag.column,
                                              message: "unknown partial '\(name)': no \(name).mustache \(whereLooked)"))
            }
        }
        diagnostics += PartialCycles.problems(in: sources)
        return MustacheLibrary(templates: templates)
    }

    /// Relative paths of every `*.mustache` below `directory`, sorted. A templates folder that is a symbolic
    /// link (a theme shared between sites) is listed through it: Foundation's enumerator does not enter a link.
    static func templateFiles(in directory: URL) -> [String] {
        ThemeFiles.relativePaths(in: directory).filter { $0.hasSuffix(".mustache") }
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "closing tag does not match the section it closes"
        case .unfinishedName: "unfinished tag: expected a name followed by '}}'"
        case .expectedSectionEnd: "a section is opened but never closed ({{/name}} missing)"
        case .invalidSetDelimiter: "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: "a transform cannot be applied to an inherited block"
        case .illegalTokenInsideInheritSection: "only {{$block}} definitions may appear inside a {{<parent}} tag"
        case .textInsideInheritSection: "text found inside a {{<parent}} tag outside any {{$block}}"
        case .invalidConfigVariableSyntax: "malformed {{% pragma}} tag"
        case .unrecognisedConfigVariable: "unknown {{% pragma}}"
        case nil: "template syntax error: \(error)"
        }
    }

    /// The path relative to the working directory when it lies below it, else absolute.
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
