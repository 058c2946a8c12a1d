import Foundation
import Mustache

/// Renders the HTML pages of a site from a `SiteModel` with a theme the pipeline loaded beforehand from the
/// templates folder (`TemplateSet`). Pure: it reads neither the file system nor the database, and the same
/// model and templates give byte-identical pages.
///
/// Pages are independent, so they are rendered on every core (`WorkQueue`), each worker with a `RenderContext`
/// of its own (date formatters are not shared between threads).
public struct HTMLRenderer: Sendable {
    /// How pages are made from templates.
    public enum Mode: Sendable, Equatable {
        /// Pages and rows of a shape seen before are filled in (`PageShapes`); the rest rendered by swift-mustache.
        case shapes
        /// Every page, row and bar rendered by swift-mustache alone: the reference the shapes are held to.
        case mustacheOnly

        /// `.mustacheOnly` when `SITREP_RENDER=mustache` is set, else `.shapes`.
        public static func from(environment: [String: String]) -> Mode {
            environment["SITREP_RENDER"] == "mustache" ? .mustacheOnly : .shapes
        }
    }

    private let templates: TemplateSet
    private let mode: Mode

    public init(templates: TemplateSet, mode: Mode = .shapes) {
        self.templates = templates
        self.mode = mode
    }

    /// Relative output path → page bytes: `index.html`, `components/<id>.html`, `incidents/<id>.html`,
    /// `maintenance/<id>.html`, `history.html`, `history/<YYYY>.html`, `subscribe.html` and the pages'
    /// `style.css`.
    public func render(_ model: SiteModel) throws(RenderError) -> [String: Data] {
        let collector = FileCollector()
        try render(model, to: collector.add)
        return collector.files
    }

    /// Hands each page to `emit` (from any worker thread) as soon as it is rendered.
    public func render(_ model: SiteModel, to emit: @escaping @Sendable (String, Data) -> Void) throws(RenderError) {
        let library = templates.library
        guard library.getTemplate(named: ResponseChartView.rowTemplate) != nil else { throw missing(ResponseChartView.rowTemplate) }
        // Fragments first, so that a page view only reads finished markup.
        let fragments: ComponentFragments
        do {
            fragments = try ComponentFragments.render(model, with: library, strings: templates.strings, mode: mode)
        } catch {
            throw missing(error.name)
        }
        let stylesheet = Stylesheet.render(with: library)
        let pages = Self.pages(of: model, subscribePage: library.getTemplate(named: SubscribePage.template) != nil)
        let mode = self.mode
        let strings = templates.strings
        let link = stylesheet?.link
        let unrendered = WorkQueue.map(count: pages.count, state: {
            (context: RenderContext(model: model, strings: strings, fragments: fragments, stylesheet: link), shapes: PageShapes(mode: mode))
        }) { worker, index -> String? in
            let page = pages[index]
            guard let html = worker.shapes.render(page.view(worker.context), template: page.template, library: library)
            else { return page.template }
            emit(page.path, Data(html.utf8))
            return nil
        }
        if let template = unrendered.compactMap({ $0 }).first { throw missing(template) }
        if let stylesheet { emit(Stylesheet.path, stylesheet.data) }
    }

    private func missing(_ template: String) -> RenderError {
        RenderError(message: "The template \(template).mustache is missing from \(templates.directory.path).")
    }

    /// One page to render: where it goes, with which template, and how to build its view.
    private struct Page: Sendable {
        var path: String
        var template: String
        var view: @Sendable (RenderContext) -> any MustacheParent
    }

    /// `subscribePage`: the theme has `pages/subscribe` (a theme from before it existed still builds).
    private static func pages(of model: SiteModel, subscribePage: Bool) -> [Page] {
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
        if subscribePage {
            pages.append(Page(path: SubscribePage.path, template: SubscribePage.template) { SubscribePage(context: $0) })
        }
        return pages
    }
}

/// A page could not be rendered.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
