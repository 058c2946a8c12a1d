/// Parses YAML text into a node tree, turning its problems into diagnostics with line and column.
public enum YAMLDocument {
    /// Returns the root node, or nil (with a diagnostic) when the text is not valid YAML or holds no document.
    /// `lineOffset` shifts reported lines (front matter starts after the opening `---`).
    ///
    /// Every key repeated within one mapping is reported at its own line, with the line of its first use; the
    /// repeats are left out and the rest of the text is read as usual, so the file's other problems show too.
    public static func parse(_ text: String, into collector: DiagnosticCollector, lineOffset: Int = 0) -> YAMLNode? {
        do {
            let document = try YAMLComposer.compose(text)
            for duplicate in document.duplicateKeys {
                collector.report("duplicate key '\(duplicate.key)' (first at line \(duplicate.firstLocation.line + lineOffset))",
                                 line: duplicate.location.line + lineOffset, column: duplicate.location.column)
            }
            return document.root
        } catch {
            collector.report("invalid YAML: \(error.message)", line: error.location.line + lineOffset, column: error.location.column)
            return nil
        }
    }
}
