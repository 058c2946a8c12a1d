import Mustache

/// One render worker's page shapes (`TemplateShape`) by template: a page whose view has the shape of one seen
/// before is its text with the view's values put in, instead of a swift-mustache render (a thousand incident
/// pages of a large site have a handful of shapes). Every other page is rendered by swift-mustache, and its
/// shape recorded for the pages after it; a recorded shape is used only once its fill for that page equals
/// swift-mustache's render of it.
///
/// A template is recorded from its third render on (the index and the history pages are not worth it), and
/// keeps at most `limit` shapes: a site whose pages all differ pays at most `limit` recordings per template and
/// worker.
final class PageShapes {
    static let limit = 8

    private var shapes: [String: [TemplateShape]] = [:]
    private var recordings: [String: Int] = [:]
    private var misses: [String: Int] = [:]
    /// Pages filled in from a shape so far (for tests and benchmarks).
    private(set) var filled = 0

    /// The page `view` renders to with template `name`; nil when the template is missing.
    func render(_ view: any MustacheParent, template name: String, library: MustacheLibrary) -> String? {
        for shape in shapes[name] ?? [] {
            if let page = shape.fill(view) {
                filled += 1
                return page
            }
        }
        guard let page = library.render(view, withTemplate: name) else { return nil }
        // A template rendered once or twice (the index, the history pages) is not worth a recording.
        misses[name, default: 0] += 1
        let recorded = recordings[name, default: 0]
        if misses[name, default: 0] > 2, recorded < Self.limit {
            recordings[name] = recorded + 1
            if let shape = TemplateShape.record(view, template: name, library: library), shape.fill(view) == page {
                shapes[name, default: []].append(shape)
            }
        }
        return page
    }
}
