import Foundation
import Logging

/// `sitrep build`: config + database + content + templates → every output file, published atomically.
public enum BuildPipeline {
    public struct Summary: Sendable {
        public var files: Int
        public var components: Int
        public var incidents: Int
        public var maintenance: Int
        public var indicator: Indicator
        public var output: URL
    }

    /// The site model and the theme, from config, database, content and templates. Throws every content and
    /// template problem. The store snapshot is dropped once the model is built.
    public static func model(config: SiteConfig, now: Date) throws -> (SiteModel, TemplateSet) {
        // The database is read while content and templates are parsed.
        let (read, ((content, contentProblems), (templates, templateProblems))) = WorkQueue.both(
            { Result { try readSnapshot(config: config, now: now) } },
            { (SiteValidator.readContent(config: config), TemplateSet.load(directory: config.paths.templates)) })
        let problems = contentProblems + templateProblems
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return (SiteModelBuilder.build(config: config, snapshot: try read.get(), content: content, now: now), templates)
    }

    /// What the database holds for the pages: enough days for every uptime window and daily bar.
    private static func readSnapshot(config: SiteConfig, now: Date) throws -> StoreSnapshot {
        let days = max(config.site.historyDays, 90) + 1
        return try ResultStore.openForReading(at: config.paths.database)?.snapshot(now: now, days: days)
            ?? StoreSnapshot.empty(now: now, days: days)
    }

    /// Renders and publishes, streaming every page and document into the staging folder as it is made (the
    /// site is never held in memory whole); a failure at any point leaves the previous site untouched.
    public static func build(config: SiteConfig, now: Date, logger: Logger = Logger(label: "sitrep.build")) throws -> Summary {
        let (model, templates) = try Self.model(config: config, now: now)
        let files = try SitePublisher().publish(to: config.paths.output) { staging in
            try HTMLRenderer(templates: templates).render(model, to: staging.write)
            MachineOutputs().render(model, to: staging.write)
        }
        logger.info("published \(files) files", metadata: ["now": "\(Timestamp.json(now))", "output": "\(DisplayPath.of(config.paths.output))"])
        return Summary(files: files, components: model.components.count, incidents: model.incidents.count,
                       maintenance: model.maintenance.count, indicator: model.indicator, output: config.paths.output)
    }
}
