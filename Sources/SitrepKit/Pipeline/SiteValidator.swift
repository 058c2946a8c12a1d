import Foundation

/// `sitrep check`: every problem in config, content and templates, as `path:line:column: message`.
public enum SiteValidator {
    /// What `check` found: problems (exit 1) and notes (printed, exit 0).
    public struct Report: Sendable {
        public var problems: [Diagnostic]
        /// `${VAR}` references whose variable is not set here: only `probe` and `run` need them, so a pull
        /// request's job without the probe's secrets still passes. With `strictEnvironment` they are problems.
        public var notes: [Diagnostic]
        /// The default theme the site's templates override (nil when none was found).
        public var defaultTheme: URL?
        /// The files of the site's templates folder compared with the default theme.
        public var themeOverrides: [ThemeOverride] = []
    }

    public static func check(configFile: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                             strictEnvironment: Bool = false) -> Report {
        let (config, configProblems) = ConfigLoader.read(from: configFile, environment: environment)
        guard let config else {
            // The config has problems: the content and templates are still checked, as far as it could be read.
            let outline = ConfigOutline.read(from: configFile)
            let contentProblems = outline.content.map { folder in
                ContentLoader.load(directory: folder, knownComponents: outline.components, timeZone: outline.timeZone,
                                   displayPath: DisplayPath.of).1
            } ?? []
            let defaultTheme = DefaultTheme.locate(environment: environment)
            let templateProblems = outline.templates.map { TemplateSet.problems(in: ThemeFolders(site: $0, defaultTheme: defaultTheme)) }
            return Report(problems: configProblems + contentProblems + (templateProblems ?? []), notes: [], defaultTheme: defaultTheme)
        }
        let (_, contentProblems) = readContent(config: config)
        let (templates, templateProblems) = TemplateSet.load(theme: config.paths.theme, language: config.site.language)
        let staticProblems = StaticFiles.list(in: config.paths.staticFolder, themeAssets: templates.assets.map(\.path)).1
        let unset = config.unsetVariables
        let (notifyProblems, notifyNotes) = notificationProblems(config: config)
        return Report(problems: (strictEnvironment ? unset : []) + contentProblems + templateProblems + staticProblems
                          + notifyProblems,
                      notes: (strictEnvironment ? [] : unset) + notifyNotes, defaultTheme: config.paths.defaultTheme,
                      themeOverrides: ThemeOverride.list(config.paths.theme))
    }

    /// With an `email` or `sms` channel: the message templates, and the subscribers file when it is here (it is
    /// kept out of the repository, so a pull request's job without it gets a note).
    static func notificationProblems(config: SiteConfig) -> (problems: [Diagnostic], notes: [Diagnostic]) {
        let settings = config.notifications
        guard settings.channels.contains(where: { if case .http = $0.transport { false } else { true } }) else { return ([], []) }
        var problems: [Diagnostic] = []
        var notes: [Diagnostic] = []
        do {
            _ = try NotificationTemplates(theme: config.paths.theme)
        } catch {
            problems += error.diagnostics
        }
        if let file = settings.subscribersFile {
            if FileManager.default.fileExists(atPath: file.path) {
                do {
                    _ = try SubscriberFile.load(from: file, componentIDs: Set(config.components.map(\.id)))
                } catch {
                    problems += error.diagnostics
                }
            } else {
                notes.append(Diagnostic(path: DisplayPath.of(file), line: 1, column: 1,
                                        message: "the subscribers file is not here; probe, run and notify need it"))
            }
        }
        return (problems, notes)
    }

    /// Every problem `check` reports (unset variables are notes, not problems).
    public static func problems(configFile: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> [Diagnostic] {
        check(configFile: configFile, environment: environment).problems
    }

    /// The site's incidents and maintenance, or every problem in them.
    public static func loadContent(config: SiteConfig) throws(DiagnosticsError) -> SiteContent {
        let (content, problems) = readContent(config: config)
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return content
    }

    static func readContent(config: SiteConfig) -> (SiteContent, [Diagnostic]) {
        ContentLoader.load(
            directory: config.paths.content, knownComponents: Set(config.components.map(\.id)),
            timeZone: config.site.timezone, displayPath: DisplayPath.of
        )
    }
}
