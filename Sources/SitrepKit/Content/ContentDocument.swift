import Foundation

/// A content file opened for reading: its front matter's top-level mapping and its Markdown body.
/// Problems with the fences, the YAML syntax or the top-level shape go to the collector (nil result).
struct ContentDocument {
    var fields: YAMLMapReader
    let body: String
    /// Limits on the file's Markdown; the body is checked here, each update message as it is read.
    let markdown: MarkdownLimits

    init?(text: String, collector: DiagnosticCollector) {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split):
            frontMatter = split
        case .failure(let problem):
            collector.report(problem.message, line: problem.line, column: 1)
            return nil
        }
        let diagnosticsBefore = collector.diagnostics.count
        guard let root = YAMLDocument.parse(frontMatter.yaml, into: collector, lineOffset: frontMatter.lineOffset) else {
            if collector.diagnostics.count == diagnosticsBefore {
                collector.report("front matter is empty", line: 1, column: 1)
            }
            return nil
        }
        guard let fields = YAMLMapReader(root, keyPath: "", collector: collector, lineOffset: frontMatter.lineOffset) else {
            return nil
        }
        self.fields = fields
        body = frontMatter.body
        markdown = MarkdownLimits(collector: collector)
        markdown.check(body, firstLine: frontMatter.bodyLine)
    }
}
