import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML for content from pull requests: tables, strikethrough, autolinks and
/// task lists; raw HTML is never passed through (cmark-gfm replaces it with `<!-- raw HTML omitted -->`),
/// and links or images whose URL uses a script-capable or local scheme (`javascript:`, `vbscript:`,
/// `file:`, `data:`) are unwrapped to their text.
///
/// This is the only file that talks to cmark-gfm. Safe to call from any thread. cmark-gfm (0.29.0.gfm.6 and
/// its current source alike) keeps two process-wide tables of special inline characters (`SPECIAL_CHARS`
/// and `SKIP_CHARS` in inlines.c): `cmark_parser_finish` adds the characters of the attached extensions
/// (`~`, `@`, `:`, `w`, ...) before it parses the inlines and removes them after, so a parse finishing on
/// one thread would switch off strikethrough and autolinks in a parse running on another. Only that step
/// holds the lock; the block parse (`cmark_parser_feed`, which reads no shared table), the HTML renderer
/// and the node walk run on any number of threads. The extension registry is filled once, before the first
/// parser is made, and only read after.
public enum Markdown {
    /// The HTML for a Markdown source. Never contains raw HTML from the source.
    public static func html(_ source: String) -> String {
        render(source)
    }

    /// Held while cmark-gfm parses inlines (see above).
    private static let inlineLock = NSLock()

    /// Registers the core extensions once (`cmark_gfm_core_extensions_ensure_registered` itself is not
    /// thread-safe; a static is initialised once, on first use).
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// GFM extensions attached to every parser (`tagfilter` only matters if raw HTML were allowed; kept as
    /// a second line of defence).
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Schemes never allowed as a link or image target, compared lowercased.
    private static let forbiddenSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    private static func render(_ source: String) -> String {
        _ = registration
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = inlineLock.withLock({ cmark_parser_finish(parser) }) else { return "" }
        defer { cmark_node_free(document) }
        unwrapForbiddenTargets(in: document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Replaces every link or image with a forbidden scheme by its children (the link text or the image's
    /// alt text), so neither a dead `href` nor the URL reaches the page.
    private static func unwrapForbiddenTargets(in document: OpaquePointer) {
        var doomed: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if isForbidden(url) { doomed.append(node) }
        }
        cmark_iter_free(iterator)
        for node in doomed {
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_free(node)
        }
    }

    private static func isForbidden(_ url: String) -> Bool {
        // Browsers ignore ASCII whitespace and control characters inside a scheme.
        let scheme = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.prefix(16)).lowercased()
        return forbiddenSchemes.contains { scheme.hasPrefix($0) }
    }
}
