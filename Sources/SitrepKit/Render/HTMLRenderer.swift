import Dispatch
import Foundation
import Mustache

/// Renders the HTML pages of a site from a `SiteModel` with a theme the pipeline loaded beforehand from the
/// templates folder (`TemplateSet`). Pure: it reads neither the file system nor the database, and the same
/// model and templates give byte-identical pages.
///
/// Pages are independent, so they are rendered on every core: the page list is cut into one contiguous slice
/// per worker, and each worker has a `RenderContext` of its own (date formatters are not shared between
/// threads). The result is a dictionary keyed by path, so the order in which workers finish never shows.
public struct HTMLRenderer: Sendable {
    private let templates: TemplateSet
    private let workers: Int

    /// `workers` defaults to the number of active cores.
    public init(templates: TemplateSet, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.templates = templates
        self.workers = max(1, workers)
    }

    /// Relative output path → page bytes: `index.html`, `components/<id>.html`, `incidents/<id>.html`,
    /// `maintenance/<id>.html`, `history.html` and `history/<YYYY>.html`.
    public func render(_ model: SiteModel) throws -> [String: Data] {
        let pages = Self.pages(of: model)
        let slices = min(workers, pages.count)
        let collector = RenderedPages(slices: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let context = RenderContext(model: model)
            let range = (pages.count * slice / slices)..<(pages.count * (slice + 1) / slices)
            var rendered: [(String, Data)] = []
            rendered.reserveCapacity(range.count)
            for index in range {
                let page = pages[index]
                guard let html = templates.library.render(TemplateTree.make(page.view(context)), withTemplate: page.template) else {
                    collector.fail(RenderError(message: "The template \(page.template).mustache is missing from \(templates.directory.path)."))
                    return
                }
                rendered.append((page.path, Data(html.utf8)))
            }
            collector.store(rendered, slice: slice)
        }
        return try collector.result()
    }

    /// One page to render: where it goes, with which template, and how to build its view.
    private struct Page: Sendable {
        var path: String
        var template: String
        var view: @Sendable (RenderContext) -> Any
    }

    private static func pages(of model: SiteModel) -> [Page] {
        var pages = [Page(path: "index.html", template: "pages/index") { IndexPage(context: $0) }]
        for component in model.components {
            pages.append(Page(path: "components/\(component.id).html", template: "pages/component") { ComponentPage(component, context: $0) })
        }
        for incident in model.incidents {
            pages.append(Page(path: "incidents/\(incident.id).html", template: "pages/incident") { IncidentPage(incident, context: $0) })
        }
        for window in model.maintenance {
            pages.append(Page(path: "maintenance/\(window.id).html", template: "pages/maintenance") { MaintenancePage(window, context: $0) })
        }
        pages.append(Page(path: "history.html", template: "pages/history") { HistoryPage.recent(context: $0) })
        for year in model.olderHistoryByYear {
            pages.append(Page(path: "history/\(year.year).html", template: "pages/history") { HistoryPage.year(year, context: $0) })
        }
        return pages
    }
}

/// What the render workers hand back: each worker's pages, or the first failure.
private final class RenderedPages: @unchecked Sendable {
    // Safety: every field is guarded by `lock`.
    private let lock = NSLock()
    private var slices: [[(String, Data)]]
    private var failure: RenderError?

    init(slices count: Int) { slices = Array(repeating: [], count: count) }

    func store(_ pages: [(String, Data)], slice: Int) { lock.withLock { slices[slice] = pages } }

    func fail(_ error: RenderError) { lock.withLock { if failure == nil { failure = error } } }

    func result() throws(RenderError) -> [String: Data] {
        let (slices, failure) = lock.withLock { (self.slices, self.failure) }
        if let failure { throw failure }
        var pages: [String: Data] = [:]
        for (path, data) in slices.joined() { pages[path] = data }
        return pages
    }
}

/// A page could not be rendered.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
