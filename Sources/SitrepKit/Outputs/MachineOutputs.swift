import Foundation

/// Every machine-readable output of a build, rendered from the same immutable `SiteModel` as the pages:
/// the Statuspage-compatible `api/v2/`, the own `api/v1/`, RSS and Atom feeds, `maintenance.ics` and SVG
/// badges. A pure function of the model: the same model gives byte-identical files, and nothing here reads
/// the clock or touches the file system.
public struct MachineOutputs: Sendable {
    public init() {}

    /// Relative output path (for example `api/v2/summary.json`) → file contents.
    public func render(_ model: SiteModel) throws -> [String: Data] {
        let links = SiteLinks(siteURL: model.site.url)
        var files: [String: Data] = [:]
        for (path, document) in StatuspageAPI(model: model, links: links).documents() {
            files[path] = document.data
        }
        for (path, document) in OwnAPI(model: model, links: links).documents() {
            files[path] = document.data
        }
        for (path, text) in HistoryFeeds(model: model, links: links).documents() {
            files[path] = Data(text.utf8)
        }
        files["maintenance.ics"] = Data(MaintenanceCalendar(model: model, links: links).render().utf8)
        for (path, text) in ComponentBadges.documents(model) {
            files[path] = Data(text.utf8)
        }
        return files
    }
}
