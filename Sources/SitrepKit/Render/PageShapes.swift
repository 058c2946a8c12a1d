import Mustache

/// One render worker's page shapes (`TemplateShape`) by template: a page whose view has the shape of one seen
/// before is its text with the view's values put in, instead of a swift-mustache render (a thousand incident
/// pages of a large site have a handful of shapes). Every other page is rendered by swift-mustache, and its
/// shape recorded for the pages after it; a recorded shape is used only once its fill for that page equals
/// swift-mustache's render of it.
///
/// A template is recorded from its third render on (the index and the history pages are not worth it), and
/// keeps at most `limit` shapes (8). A site whose pages all differ pays at most `limit` recordings per template
/// and worker, and once the shapes are full and pages still rarely match one, they are no longer tried (each try
/// walks part of the view before it fails).
final class PageShapes {
    /// At most this many shapes per template.
    let limit: Int

    init(limit: Int = 8) {
        self.limit = limit
    }

    /// Shapes as `mode` asks: none at all with `.mustacheOnly`, so every page is swift-mustache's render.
    convenience init(mode: HTMLRenderer.Mode) {
        self.init(limit: mode == .shapes ? 8 : 0)
    }

    private var shapes: [String: [TemplateShape]] = [:]
    private var recordings: [String: Int] = [:]
    private var misses: [String: Int] = [:]
    /// Pages filled in from a shape, by template.
    private var fills: [String: Int] = [:]
    /// Templates whose shapes are no longer tried.
    private var givenUp: Set<String> = []

    /// The page `view` renders to with template `name`; nil when the template is missing.
    func render(_ view: any MustacheParent, template name: String, library: MustacheLibrary) -> String? {
        var page = ""
        return render(view, template: name, library: library, appendingTo: &page) ? page : nil
    }

    /// Appends the page `view` renders to with template `name` to `output` (a list's items go into one text,
    /// without a string of their own each); false, and nothing appended, when the template is missing.
    func render(_ view: any MustacheParent, template name: String, library: MustacheLibrary,
                appendingTo output: inout String) -> Bool {
        if !givenUp.contains(name) {
            for shape in shapes[name] ?? [] where shape.fill(view, appendingTo: &output) {
                fills[name, default: 0] += 1
                return true
            }
        }
        guard let page = renderAndRecord(view, template: name, library: library) else { return false }
        output += page
        return true
    }

    /// swift-mustache's render, and the page's shape recorded when the template is worth it.
    private func renderAndRecord(_ view: any MustacheParent, template name: String, library: MustacheLibrary) -> String? {
        guard let page = library.render(view, withTemplate: name) else { return nil }
        // A template rendered once or twice (the index, the history pages) is not worth a recording.
        misses[name, default: 0] += 1
        let recorded = recordings[name, default: 0]
        if recorded == limit, misses[name, default: 0] > 16 + 3 * fills[name, default: 0] {
            // Pages of this template rarely have a known shape: trying the shapes costs more than it saves.
            givenUp.insert(name)
        }
        if misses[name, default: 0] > 2, recorded < limit {
            recordings[name] = recorded + 1
            if let shape = TemplateShape.record(view, template: name, library: library), shape.fill(view) == page {
                shapes[name, default: []].append(shape)
            }
        }
        return page
    }

    /// Pages filled in from a shape so far (for tests).
    var filled: Int { fills.values.reduce(0, +) }

    /// Whether shapes of template `name` are no longer tried (for tests).
    func isGivenUp(_ name: String) -> Bool {
        givenUp.contains(name)
    }
}
