import Mustache

/// Every component's daily-bars strip, rendered once and placed as it is on both the index and the component
/// page (`{{{barsHTML}}}`). The strip is the bulk of both pages (one `<rect>` and `<title>` a day), so
/// rendering it once halves the template work of a build.
///
/// A strip is `partials/bars` around its days, each day `partials/bar` rendered with that day's `BarView`
/// alone. Days repeat across components (same position, same uptime, same title: a 500-component site has
/// 45,000 bars and under a thousand different ones), so each worker renders a given bar once and reuses the
/// markup; a template's output depends on nothing but the view it is given. Both partials escape everything
/// they print; the strip inserts the finished bars as `{{{barsMarkup}}}`.
struct BarsFragments: Sendable {
    private let markup: [String: String]

    static let empty = BarsFragments(markup: [:])

    private init(markup: [String: String]) {
        self.markup = markup
    }

    static let template = "partials/bars"
    static let barTemplate = "partials/bar"

    /// A partial the strip needs is not in the library (the name of the first one missing).
    struct MissingTemplate: Error {
        let name: String
    }

    /// Renders the strip of every component of `model` on every core.
    static func render(_ model: SiteModel, with library: MustacheLibrary) throws(MissingTemplate) -> BarsFragments {
        let components = model.components
        let rendered = WorkQueue.map(count: components.count, state: { Worker(context: RenderContext(model: model)) }) { worker, index in
            worker.strip(of: components[index], with: library)
        }
        var markup: [String: String] = [:]
        for (component, html) in zip(components, rendered) {
            markup[component.id] = try html.get()
        }
        return BarsFragments(markup: markup)
    }

    /// The strip of the component with this id; empty for an unknown id.
    func html(for componentID: String) -> String {
        markup[componentID] ?? ""
    }

    /// One worker's render context and the bars it has rendered so far.
    private struct Worker {
        let context: RenderContext
        var renderedBars: [BarView: String] = [:]

        mutating func strip(of component: ComponentModel, with library: MustacheLibrary) -> Result<String, MissingTemplate> {
            var view = DailyBarsView(component: component, context: context)
            var bars = ""
            for bar in view.bars {
                if let known = renderedBars[bar] {
                    bars += known
                } else {
                    guard let html = library.render(bar, withTemplate: BarsFragments.barTemplate) else {
                        return .failure(MissingTemplate(name: BarsFragments.barTemplate))
                    }
                    let trimmed = html.withoutFinalNewline()
                    renderedBars[bar] = trimmed
                    bars += trimmed
                }
            }
            view.barsMarkup = bars
            guard let strip = library.render(view, withTemplate: BarsFragments.template) else {
                return .failure(MissingTemplate(name: BarsFragments.template))
            }
            return .success(strip.withoutFinalNewline())
        }
    }
}
