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

    /// Everything `build` would publish, without writing anything. Throws every content and template problem.
    public static func render(config: SiteConfig, now: Date) throws -> (SiteModel, [String: Data]) {
        let (content, contentProblems) = SiteValidator.readContent(config: config)
        let (templates, templateProblems) = TemplateSet.load(directory: config.paths.templates)
        let problems = contentProblems + templateProblems
        guard problems.isEmpty else { throw DiagnosticsError(problems) }

        let snapshotDays = max(config.site.historyDays, 90) + 1
        let snapshot = try ResultStore.openForReading(at: config.paths.database)?.snapshot(now: now, days: snapshotDays)
            ?? StoreSnapshot.empty(now: now, days: snapshotDays)
        let model = SiteModelBuilder.build(config: config, snapshot: snapshot, content: content, now: now)

        var files = try HTMLRenderer(templates: templates).render(model)
        for (path, data) in try MachineOutputs().render(model) {
            files[path] = data
        }
        return (model, files)
    }

    /// Renders and publishes; a failure at any point leaves the previous site untouched.
    public static func build(config: SiteConfig, now: Date, logger: Logger = Logger(label: "sitrep.build")) throws -> Summary {
        let (model, files) = try render(config: config, now: now)
        logger.info("rendered \(files.count) files", metadata: ["now": "\(Timestamp.json(now))"])
        try SitePublisher().publish(files, to: config.paths.output)
        logger.info("published", metadata: ["output": "\(DisplayPath.of(config.paths.output))"])
        return Summary(files: files.count, components: model.components.count, incidents: model.incidents.count,
                       maintenance: model.maintenance.count, indicator: model.indicator, output: config.paths.output)
    }
}
