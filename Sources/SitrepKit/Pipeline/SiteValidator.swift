import Foundation

/// `sitrep check`: every problem in config, content and templates, as `path:line:column: message`.
public enum SiteValidator {
    /// What `check` found: problems (exit 1) and notes (printed, exit 0).
    public struct Report: Sendable {
        public var problems: [Diagnostic]
        /// `${VAR}` references whose variable is not set here: only `probe` and `run` need them, so a pull
        /// request's job without the probe's secrets still passes. With `strictEnvironment` they are problems.
        public var notes: [Diagnostic]
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
            return Report(problems: configProblems + contentProblems + (outline.templates.map(TemplateSet.problems(in:)) ?? []),
                          notes: [])
        }
        let (_, contentProblems) = readContent(config: config)
        let templateProblems = TemplateSet.problems(in: config.paths.templates)
        let unset = config.unsetVariables
        return Report(problems: (strictEnvironment ? unset : []) + contentProblems + templateProblems,
                      notes: strictEnvironment ? [] : unset)
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
