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
        // The three inputs are independent: the database is read while content and templates are parsed.
        let inputs = WorkQueue.map(count: 2) { index -> Inputs in
            if index == 0 { return .snapshot(Result { try readSnapshot(config: config, now: now) }) }
            let (content, contentProblems) = SiteValidator.readContent(config: config)
            let (templates, templateProblems) = TemplateSet.load(directory: config.paths.templates)
            return .files(content, templates, contentProblems + templateProblems)
        }
        guard case .snapshot(let read) = inputs[0], case .files(let content, let templates, let problems) = inputs[1] else {
            preconditionFailure("WorkQueue returns results in job order")
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return (SiteModelBuilder.build(config: config, snapshot: try read.get(), content: content, now: now), templates)
    }

    private enum Inputs {
        case snapshot(Result<StoreSnapshot, any Error>)
        case files(SiteContent, TemplateSet, [Diagnostic])
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
