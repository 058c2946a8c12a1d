import Foundation
import Logging

/// `sitrep build`: config + database + content + templates → every output file, published atomically.
public enum BuildPipeline {
    public struct Summary: Sendable {
        public var files: Int
        /// Of `files`, those whose bytes were already published (kept as they were, not written again).
        public var unchanged = 0
        public var components: Int
        public var incidents: Int
        public var maintenance: Int
        public var indicator: Indicator
        public var output: URL
        /// True when nothing changed since the last build, so the output folder was left as it was.
        public var upToDate = false
    }

    /// The site model and the theme, from config, database, content and templates. Throws every content and
    /// template problem. The store snapshot is dropped once the model is built.
    public static func model(config: SiteConfig, now: Date) throws -> (SiteModel, TemplateSet) {
        // The database is read while content and templates are parsed and the content's Markdown is rendered.
        let (read, ((content, contentProblems), markdown, (templates, templateProblems))) = WorkQueue.both(
            { Result { try readSnapshot(config: config, now: now) } },
            {
                let (content, problems) = SiteValidator.readContent(config: config)
                return ((content, problems), problems.isEmpty ? RenderedMarkdown.of(content) : .none,
                        TemplateSet.load(directory: config.paths.templates))
            })
        let problems = contentProblems + templateProblems
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        let model = SiteModelBuilder.build(config: config, snapshot: try read.get(), content: content, now: now, markdown: markdown)
        return (model, templates)
    }

    /// What the database holds for the pages: enough days for every uptime window and daily bar.
    private static func readSnapshot(config: SiteConfig, now: Date) throws -> StoreSnapshot {
        let days = max(config.site.historyDays, 90) + 1
        return try ResultStore.openForReading(at: config.paths.database)?.snapshot(now: now, days: days)
            ?? StoreSnapshot.empty(now: now, days: days)
    }

    /// Renders and publishes, streaming every page and document into the staging folder as it is made (the
    /// site is never held in memory whole); a failure at any point leaves the previous site untouched.
    /// When the inputs are exactly those of the last build and its output is untouched (`BuildStamp`),
    /// nothing is rendered or written: the same inputs would give the same bytes.
    public static func build(config: SiteConfig, now: Date, logger: Logger = Logger(label: "sitrep.build")) throws -> Summary {
        let output = config.paths.output
        let inputs = BuildInputs.digest(config: config, now: now, databaseRevision: databaseRevision(config: config))
        if let inputs, let stamp = BuildStamp.current(for: output, inputs: inputs) {
            logger.info("up to date: nothing changed since the last build", metadata: ["output": "\(DisplayPath.of(output))"])
            return Summary(files: stamp.files, unchanged: stamp.files, components: stamp.components, incidents: stamp.incidents,
                           maintenance: stamp.maintenance, indicator: stamp.indicator, output: output, upToDate: true)
        }
        let summary = try render(config: config, now: now, logger: logger)
        if let inputs { BuildStamp.record(for: output, inputs: inputs, summary: summary) }
        return summary
    }

    /// The database's write count, or nil when there is none to read (no database yet, or an old or
    /// unreadable one: the build then reports the problem itself).
    private static func databaseRevision(config: SiteConfig) -> Int64? {
        (try? ResultStore.openForReading(at: config.paths.database)?.revision()) ?? nil
    }

    private static func render(config: SiteConfig, now: Date, logger: Logger) throws -> Summary {
        let (model, templates) = try Self.model(config: config, now: now)
        let (files, unchanged) = try SitePublisher().publish(to: config.paths.output) { staging in
            try HTMLRenderer(templates: templates).render(model, to: staging.write)
            MachineOutputs().render(model, to: staging.write)
        }
        logger.info("published \(files) files, \(unchanged) of them unchanged",
                    metadata: ["now": "\(Timestamp.json(now))", "output": "\(DisplayPath.of(config.paths.output))"])
        return Summary(files: files, unchanged: unchanged, components: model.components.count, incidents: model.incidents.count,
                       maintenance: model.maintenance.count, indicator: model.indicator, output: config.paths.output)
    }
}
