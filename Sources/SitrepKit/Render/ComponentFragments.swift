import Mustache

/// What each component's pages share and a pass of its own renders before the pages: the daily-bars strip
/// (placed as it is on both the index and the component page, `{{{barsHTML}}}`) and each check's response-time
/// chart with its table rows already rendered (`{{{rowsMarkup}}}`). Page views only read these finished fragments, so no
/// view renders anything while it is built.
///
/// The strip is the bulk of both pages (one `<rect>` and `<title>` a day), so rendering it once halves the
/// template work of a build. It is `partials/bars` around its days, each day `partials/bar` rendered with that
/// day's `BarView` alone. Days repeat across components (same position, same uptime, same title: a 500-component
/// site has 45,000 bars and under a thousand different ones), so each worker renders a given bar once and reuses
/// the markup; a template's output depends on nothing but the view it is given. The chart's rows
/// (`partials/chart-row`, 48 a check) go through the worker's `PageShapes`. Both strip partials escape
/// everything they print; the strip inserts the finished bars as `{{{barsMarkup}}}`.
struct ComponentFragments: Sendable {
    private let strips: [String: String]
    private let charts: [String: [ResponseChartView?]]

    static let empty = ComponentFragments(strips: [:], charts: [:])

    private init(strips: [String: String], charts: [String: [ResponseChartView?]]) {
        self.strips = strips
        self.charts = charts
    }

    static let template = "partials/bars"
    static let barTemplate = "partials/bar"

    /// A partial a fragment needs is not in the library (the name of the first one missing).
    struct MissingTemplate: Error {
        let name: String
    }

    /// Renders the fragments of every component of `model` on every core.
    static func render(_ model: SiteModel, with library: MustacheLibrary, strings: UIStrings,
                       mode: HTMLRenderer.Mode) throws(MissingTemplate) -> ComponentFragments {
        let components = model.components
        let rendered = WorkQueue.map(count: components.count, state: {
            Worker(context: RenderContext(model: model, strings: strings), shapes: PageShapes(mode: mode), remembersBars: mode == .shapes)
        }) { worker, index in
            worker.fragments(of: components[index], with: library)
        }
        var strips: [String: String] = [:]
        var charts: [String: [ResponseChartView?]] = [:]
        for (component, result) in zip(components, rendered) {
            let (strip, checkCharts) = try result.get()
            strips[component.id] = strip
            charts[component.id] = checkCharts
        }
        return ComponentFragments(strips: strips, charts: charts)
    }

    /// The strip of the component with this id; empty for an unknown id.
    func barsHTML(for componentID: String) -> String {
        strips[componentID] ?? ""
    }

    /// The response-time charts of the component with this id, one per check in config order, rows rendered;
    /// nil for a check without two points to draw.
    func charts(for componentID: String) -> [ResponseChartView?] {
        charts[componentID] ?? []
    }

    /// One worker's render context, its page shapes (for chart rows) and the bars it has rendered so far.
    private struct Worker {
        let context: RenderContext
        let shapes: PageShapes
        let remembersBars: Bool
        var renderedBars: [BarView: String] = [:]

        mutating func fragments(of component: ComponentModel, with library: MustacheLibrary)
            -> Result<(String, [ResponseChartView?]), MissingTemplate> {
            let strip: String
            switch self.strip(of: component, with: library) {
            case .success(let html): strip = html
            case .failure(let missing): return .failure(missing)
            }
            var charts: [ResponseChartView?] = []
            for check in component.checks {
                guard var chart = ResponseChartView(check: check, context: context) else {
                    charts.append(nil)
                    continue
                }
                var rows = ""
                for row in chart.rows {
                    guard shapes.render(row, template: ResponseChartView.rowTemplate, library: library, appendingTo: &rows) else {
                        return .failure(MissingTemplate(name: ResponseChartView.rowTemplate))
                    }
                }
                // The table puts its rows on a line of their own: no final newline after the last.
                chart.rowsMarkup = rows.withoutFinalNewline()
                charts.append(chart)
            }
            return .success((strip, charts))
        }

        private mutating func strip(of component: ComponentModel, with library: MustacheLibrary) -> Result<String, MissingTemplate> {
            var view = DailyBarsView(component: component, context: context)
            var bars = ""
            for bar in view.bars {
                if remembersBars, let known = renderedBars[bar] {
                    bars += known
                } else {
                    guard let html = library.render(bar, withTemplate: ComponentFragments.barTemplate) else {
                        return .failure(MissingTemplate(name: ComponentFragments.barTemplate))
                    }
                    let trimmed = html.withoutFinalNewline()
                    if remembersBars { renderedBars[bar] = trimmed }
                    bars += trimmed
                }
            }
            view.barsMarkup = bars
            guard let strip = library.render(view, withTemplate: ComponentFragments.template) else {
                return .failure(MissingTemplate(name: ComponentFragments.template))
            }
            return .success(strip.withoutFinalNewline())
        }
    }
}
