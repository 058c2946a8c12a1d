import Yams

/// Parses YAML text into a node tree, turning libyaml's errors into diagnostics with line and column.
public enum YAMLDocument {
    /// Returns the root node, or nil (with a diagnostic) when the text is not valid YAML.
    /// `lineOffset` shifts reported lines (front matter starts after the opening `---`).
    ///
    /// Scalars keep their text untyped (`Resolver.basic`): the readers convert each value to the type its key
    /// needs, so Yams's regular-expression tag resolution would be work thrown away on every scalar.
    /// The encoding is given (UTF-8, what Swift strings hold): Yams's default reads the whole process
    /// environment on every parse to look for an override (and prints a line to stdout when it finds one),
    /// which was two fifths of the work of parsing the front matter of 1,000 incident files.
    public static func parse(_ text: String, into collector: DiagnosticCollector, lineOffset: Int = 0) -> Node? {
        do {
            return try compose(text)
        } catch YamlError.duplicatedKeysInMapping {
            // Yams names only the first repeated key, and nothing else of the file: every repeat is reported at
            // its own line, and the text without the repeated entries is read for the file's other problems.
            let duplicates = YAMLDuplicateKeys.find(in: text)
            for duplicate in duplicates {
                collector.report("duplicate key '\(duplicate.key)' (first at line \(duplicate.firstLine + lineOffset))",
                                 line: duplicate.line + lineOffset, column: duplicate.column)
            }
            do {
                return try compose(YAMLDuplicateKeys.removing(duplicates, from: text))
            } catch {
                report(error, into: collector, lineOffset: lineOffset)
                return nil
            }
        } catch {
            report(error, into: collector, lineOffset: lineOffset)
            return nil
        }
    }

    private static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, .default, .utf8)
    }

    private static func report(_ error: any Error, into collector: DiagnosticCollector, lineOffset: Int) {
        guard let error = error as? YamlError else {
            collector.report("invalid YAML: \(error)", line: 1 + lineOffset, column: 1)
            return
        }
        let (message, mark) = describe(error)
        collector.report("invalid YAML: \(message)", line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return (text, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))", context.mark)
        case let .reader(problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)", nil)
        }
    }
}

extension Node {
    /// Where this node starts in its file (1-based).
    var location: SourceLocation? {
        mark.map { SourceLocation(line: $0.line, column: $0.column) }
    }
}
