import Foundation
import Mustache

/// Renders the HTML pages of a site from a `SiteModel` with the theme in a templates folder (loaded at run
/// time). Pure: the same model and templates give byte-identical pages.
public struct HTMLRenderer: Sendable {
    public let templatesDirectory: URL
    private let templates: TemplateSet

    /// Loads and parses every template; throws every problem as a `path:line:column` diagnostic.
    public init(templatesDirectory: URL) throws(DiagnosticsError) {
        self.templatesDirectory = templatesDirectory
        templates = try TemplateSet(directory: templatesDirectory)
    }

    /// Every problem of the templates folder (syntax errors, missing pages, unknown partials); empty when fine.
    public static func check(templatesDirectory: URL) -> [Diagnostic] {
        TemplateSet.load(directory: templatesDirectory).1
    }

    /// Relative output path → page bytes: `index.html`, `components/<id>.html`, `incidents/<id>.html`,
    /// `maintenance/<id>.html`, `history.html` and `history/<YYYY>.html`.
    public func render(_ model: SiteModel) throws -> [String: Data] {
        let context = RenderContext(model: model)
        var pages: [String: Data] = [:]
        func emit(_ path: String, _ template: String, _ view: Any) throws {
            guard let html = templates.library.render(view, withTemplate: template) else {
                throw RenderError(message: "The template \(template).mustache is missing from \(templatesDirectory.path).")
            }
            pages[path] = Data(html.utf8)
        }
        try emit("index.html", "pages/index", IndexPage(context: context))
        for component in model.components {
            try emit("components/\(component.id).html", "pages/component", ComponentPage(component, context: context))
        }
        for incident in model.incidents {
            try emit("incidents/\(incident.id).html", "pages/incident", IncidentPage(incident, context: context))
        }
        for window in model.maintenance {
            try emit("maintenance/\(window.id).html", "pages/maintenance", MaintenancePage(window, context: context))
        }
        try emit("history.html", "pages/history", HistoryPage.recent(context: context))
        for year in model.olderHistoryByYear {
            try emit("history/\(year.year).html", "pages/history", HistoryPage.year(year, context: context))
        }
        return pages
    }
}

/// A page could not be rendered.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
