/// Every Markdown text of the content (incident and maintenance bodies and update messages) rendered ahead of
/// the model, on every core (only cmark-gfm's inline step runs one text at a time, see `Markdown`);
/// `BuildPipeline` renders them on the content side while the database is read, and the model builder,
/// which needs both, only looks them up. A text missing here is rendered when asked for.
public struct RenderedMarkdown: Sendable {
    private let html: [String: String]

    /// Nothing rendered ahead: every text is rendered when the model asks for it.
    public static let none = RenderedMarkdown(html: [:])

    init(html: [String: String]) {
        self.html = html
    }

    /// Renders every text of `content` once (a text that appears twice is rendered once).
    public static func of(_ content: SiteContent) -> RenderedMarkdown {
        var sources: [String] = []
        for incident in content.incidents {
            sources += incident.updates.map(\.message)
            if let body = ContentText.nonBlank(incident.body) { sources.append(body) }
        }
        for window in content.maintenance {
            sources += window.updates.map(\.message)
            if let body = ContentText.nonBlank(window.body) { sources.append(body) }
        }
        var seen: Set<String> = []
        let unique = sources.filter { seen.insert($0).inserted }
        let rendered = WorkQueue.map(count: unique.count) { Markdown.html(unique[$0]) }
        return RenderedMarkdown(html: Dictionary(uniqueKeysWithValues: zip(unique, rendered)))
    }

    /// The HTML for `source`.
    func html(_ source: String) -> String {
        html[source] ?? Markdown.html(source)
    }
}
