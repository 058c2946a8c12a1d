import Mustache

/// Every component's daily-bars strip, rendered once from `partials/bars` and placed as it is on both the index
/// and the component page (`{{{barsHTML}}}`). The strip is the bulk of both pages (one `<rect>` and `<title>` a
/// day), so rendering it once halves the template work of a build. The partial escapes everything it prints;
/// the pages insert its finished markup.
struct BarsFragments: Sendable {
    private let markup: [String: String]

    static let empty = BarsFragments(markup: [:])

    private init(markup: [String: String]) {
        self.markup = markup
    }

    /// Renders the strip of every component of `model` on every core; nil when the partial is missing.
    static func render(_ model: SiteModel, with library: MustacheLibrary) -> BarsFragments? {
        let components = model.components
        let rendered = WorkQueue.map(count: components.count, state: { RenderContext(model: model) }) { context, index in
            library.render(DailyBarsView(component: components[index], context: context), withTemplate: template)
                .map(Self.trimmingFinalNewline)
        }
        var markup: [String: String] = [:]
        for (component, html) in zip(components, rendered) {
            guard let html else { return nil }
            markup[component.id] = html
        }
        return BarsFragments(markup: markup)
    }

    static let template = "partials/bars"

    /// The strip of the component with this id; empty for an unknown id.
    func html(for componentID: String) -> String {
        markup[componentID] ?? ""
    }

    /// The page puts the fragment on a line of its own, which brings its own line end.
    /// (`removeLast` steps back one character; `dropLast()` would count every character of the strip first.)
    private static func trimmingFinalNewline(_ html: String) -> String {
        var html = html
        if html.utf8.last == UInt8(ascii: "\n") { html.removeLast() }
        return html
    }
}
