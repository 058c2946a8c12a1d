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
        /// Problems of the content files a `ContentPolicy.leaveOut` build left out (empty otherwise).
        public var problems: [Diagnostic] = []
        /// Already published pages of left-out files that were kept as they were (`KeptPages`).
        public var keptPages = 0
    }

    /// The UTC days of daily history a build reads, today included: `site.history_days` or 90, whichever is
    /// more (the uptime windows reach 90 days back), and one day more.
    public static func snapshotDays(historyDays: Int) -> Int { max(historyDays, 90) + 1 }

    /// What `model` read: the model, the theme, and, for `ContentPolicy.leaveOut`, the content that went into
    /// the model and the problems of the files left out.
    public struct ModelInputs: Sendable {
        public var model: SiteModel
        public var templates: TemplateSet
        public var content: SiteContent
        public var problems: [Diagnostic]
    }

    /// The site model and the theme, from config, database, content and templates. Throws every template
    /// problem, and every content problem unless `contentPolicy` is `.leaveOut` (the files with problems are then
    /// left out and their problems returned). The store snapshot is dropped once the model is built.
    public static func model(config: SiteConfig, now: Date, contentPolicy: ContentPolicy = .refuse) throws -> ModelInputs {
        // The database is read table by table, each in a read transaction of its own, while the content and
        // templates are parsed and the content's Markdown is rendered: one core starts with the status runs (on
        // a year-old file the largest part: 260,000 rows, a third of the build's CPU, and started last it ran
        // alone at the end), the other with the content, and both then share the other tables (reading the
        // whole database in one transaction took longer than the content, and one core waited). Parts that saw
        // different data (a probe committed in between) are thrown away and the database is read again, whole.
        let days = snapshotDays(historyDays: config.site.historyDays)
        let store = Result { try ResultStore.openForReading(at: config.paths.database) }
        let tables: [SnapshotPart.Kind] = [.statusRuns, .checkDaily, .componentHourly, .checkHourly, .componentDaily, .latest]
        let jobs = WorkQueue.map(count: tables.count + 1) { index -> ModelInput in
            if index == 1 {
                let (content, problems) = SiteValidator.readContent(config: config)
                let renders = problems.isEmpty || contentPolicy == .leaveOut
                return .content(content, problems, renders ? RenderedMarkdown.of(content) : .none,
                                TemplateSet.load(theme: config.paths.theme, language: config.site.language))
            }
            let table = tables[index == 0 ? 0 : index - 1]
            return .part(Result { try store.get()?.snapshotPart(table, now: now, days: days) })
        }
        var parts: [Result<SnapshotPart?, any Error>] = []
        var read: (content: SiteContent, problems: [Diagnostic], markdown: RenderedMarkdown, templates: TemplateSet, templateProblems: [Diagnostic])?
        for job in jobs {
            switch job {
            case .part(let part): parts.append(part)
            case .content(let content, let problems, let markdown, let (templates, templateProblems)):
                read = (content, problems, markdown, templates, templateProblems)
            }
        }
        guard let read else { preconditionFailure("job 1 reads the content") }
        // Problems of the content and templates come first; then those of the database. Template problems
        // always stop the build; content problems unless the policy leaves their files out.
        let problems = (contentPolicy == .refuse ? read.problems : []) + read.templateProblems
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        let snapshot = try store.get().map { store in
            let parts = try parts.compactMap { try $0.get() }
            return try StoreSnapshot(joining: parts, now: now, days: days) ?? store.snapshot(now: now, days: days)
        } ?? StoreSnapshot.empty(now: now, days: days)
        let model = SiteModelBuilder.build(config: config, snapshot: snapshot, content: read.content, now: now, markdown: read.markdown)
        return ModelInputs(model: model, templates: read.templates, content: read.content,
                           problems: contentPolicy == .refuse ? [] : read.problems)
    }

    /// What one job of `model` read.
    private enum ModelInput {
        case part(Result<SnapshotPart?, any Error>)
        case content(SiteContent, [Diagnostic], RenderedMarkdown, (TemplateSet, [Diagnostic]))
    }

    /// Renders and publishes, streaming every page and document into the staging folder as it is made (the
    /// site is never held in memory whole); a failure at any point leaves the previous site untouched.
    /// When the inputs are exactly those of the last build and its output is untouched (`BuildStamp`),
    /// nothing is rendered or written: the same inputs would give the same bytes. A build that left content
    /// files out records no stamp, so the next one reports their problems again.
    public static func build(config: SiteConfig, now: Date, contentPolicy: ContentPolicy = .refuse,
                             logger: Logger = Logger(label: "sitrep.build")) throws -> Summary {
        let output = config.paths.output
        let inputs = BuildInputs.digest(config: config, now: now, databaseRevision: databaseRevision(config: config))
        if let inputs, let stamp = BuildStamp.current(for: output, inputs: inputs) {
            logger.info("up to date: nothing changed since the last build", metadata: ["output": "\(DisplayPath.of(output))"])
            return Summary(files: stamp.files, unchanged: stamp.files, components: stamp.components, incidents: stamp.incidents,
                           maintenance: stamp.maintenance, indicator: stamp.indicator, output: output, upToDate: true)
        }
        let (summary, manifest) = try render(config: config, now: now, contentPolicy: contentPolicy, logger: logger)
        if let inputs, let manifest, summary.problems.isEmpty {
            BuildStamp.record(for: output, inputs: inputs, summary: summary, manifest: manifest)
        }
        return summary
    }

    /// The database's write count, or nil when there is none to read (no database yet, or an old or
    /// unreadable one: the build then reports the problem itself).
    private static func databaseRevision(config: SiteConfig) -> Int64? {
        (try? ResultStore.openForReading(at: config.paths.database)?.revision()) ?? nil
    }

    private static func render(config: SiteConfig, now: Date, contentPolicy: ContentPolicy, logger: Logger) throws
        -> (Summary, SiteManifest?)
    {
        let inputs = try Self.model(config: config, now: now, contentPolicy: contentPolicy)
        let model = inputs.model
        let kept = inputs.problems.isEmpty ? [] : KeptPages.read(config: config, content: inputs.content)
        let assets = inputs.templates.assets
        let (staticFiles, staticProblems) = StaticFiles.list(in: config.paths.staticFolder, themeAssets: assets.map(\.path))
        guard staticProblems.isEmpty else { throw DiagnosticsError(staticProblems) }
        let (files, unchanged, manifest) = try SitePublisher().publish(to: config.paths.output) { staging in
            // Every page passes the build marker, which is written once the last page is out.
            let marker = BuildMarker()
            let page = marker.recording(staging.write)
            try HTMLRenderer(templates: inputs.templates, mode: .from(environment: ProcessInfo.processInfo.environment))
                .render(model, to: page)
            for (path, data) in kept { page(path, data) }
            MachineOutputs(strings: inputs.templates.strings).render(model, to: staging.write)
            for asset in assets { staging.write(asset.path, asset.data) }
            for file in staticFiles {
                guard let data = FileManager.default.contents(atPath: file.url.path) else {
                    throw DiagnosticsError([Diagnostic(path: DisplayPath.of(file.url), line: 1, column: 1,
                                                       message: "cannot read this static file")])
                }
                staging.write(file.path, data)
            }
            staging.write(BuildMarker.path, marker.document(generatedAt: model.generatedAt))
        }
        logger.info("published \(files) files, \(unchanged) of them unchanged",
                    metadata: ["now": "\(Timestamp.json(now))", "output": "\(DisplayPath.of(config.paths.output))"])
        return (Summary(files: files, unchanged: unchanged, components: model.components.count, incidents: model.incidents.count,
                        maintenance: model.maintenance.count, indicator: model.indicator, output: config.paths.output,
                        problems: inputs.problems, keptPages: kept.count),
                manifest)
    }
}
