import Foundation

/// Every machine-readable output of a build, rendered from the same immutable `SiteModel` as the pages:
/// the Statuspage-compatible `api/v2/`, the own `api/v1/`, RSS and Atom feeds, `maintenance.ics` and SVG
/// badges. A pure function of the model: the same model gives byte-identical files, and nothing here reads
/// the clock or touches the file system.
public struct MachineOutputs: Sendable {
    /// The words of the site's language, for what readers see of the outputs: feed and calendar texts and the
    /// status description (`api/v2/status.json`, which the widget shows).
    public let strings: UIStrings

    public init(strings: UIStrings) {
        self.strings = strings
    }

    /// Relative output path (for example `api/v2/summary.json`) → file contents.
    public func render(_ model: SiteModel) -> [String: Data] {
        let collector = FileCollector()
        render(model, to: collector.add)
        return collector.files
    }

    /// Hands each document to `emit` (from any worker thread) as soon as it is written. The documents are
    /// independent, so they are built on every core (`WorkQueue`): one job per format (the largest,
    /// `api/v1/status.json`, first and on its own, so it never ends the build alone), and one per component for
    /// the component documents of `api/v1`, which are most of the work. The daily bars, which `status.json` and
    /// the component documents both carry, are written first, once.
    public func render(_ model: SiteModel, to emit: @escaping @Sendable (String, Data) -> Void) {
        let links = SiteLinks(siteURL: model.site.url)
        let ownAPI = OwnAPI(model: model, links: links, daily: OwnAPI.writtenDailyBars(model))
        let siteJobs: [@Sendable () -> [String: Data]] = [
            {
                let (path, document) = ownAPI.statusDocument()
                return [path: document.data]
            },
            { StatuspageAPI(model: model, links: links, strings: strings).documents().mapValues(\.data) },
            { ownAPI.eventDocuments().mapValues(\.data) },
            { HistoryFeeds(model: model, links: links, strings: strings).documents().mapValues { Data($0.utf8) } },
            { ["maintenance.ics": Data(MaintenanceCalendar(model: model, links: links, strings: strings).render().utf8)] },
            { ComponentBadges.documents(model, strings).mapValues { Data($0.utf8) } },
        ]
        _ = WorkQueue.map(count: siteJobs.count + model.components.count) { index in
            if index < siteJobs.count {
                for (path, data) in siteJobs[index]() { emit(path, data) }
            } else {
                let (path, document) = ownAPI.componentDocument(at: index - siteJobs.count)
                emit(path, document.data)
            }
        }
    }
}
