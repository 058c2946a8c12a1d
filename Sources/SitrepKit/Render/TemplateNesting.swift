/// How deeply sections may nest in a template. swift-mustache parses and renders each nested section with a
/// recursive call, so a few hundred levels overflow the stack and kill the process (500 did in `sitrep check`);
/// no sensible theme comes near the limit (the default one nests 6 deep, parent and block tags included).
enum TemplateNesting {
    static let maximumDepth = 100

    /// The problem with a template nested deeper than `maximumDepth`, at the first tag too deep; nil when fine.
    static func problem(in tags: [TemplateTag], path: String) -> Diagnostic? {
        guard let tag = tags.first(where: { $0.depth > maximumDepth }) else { return nil }
        return Diagnostic(path: path, line: tag.line, column: tag.column,
                          message: "sections nest more than \(maximumDepth) deep here: flatten the template")
    }
}
