/// Finds every key repeated within one block mapping of a YAML text, by a linear scan of its lines.
///
/// Yams refuses a mapping with a repeated key and reports only the first one (and nothing else of the file).
/// When it does, this scan finds each repeat with its line; the text with those entries blanked out (line
/// numbers kept) is then read as usual, so the file's other problems are reported too. Block mappings, block
/// scalars (`|`, `>`), quoted and flow values over several lines are followed; repeats inside a flow mapping
/// (`{a: 1, a: 2}`) are not found here and are left to Yams' message.
enum YAMLDuplicateKeys {
    struct Duplicate: Equatable {
        let key: String
        /// 1-based line and column of the repeated key in the text.
        let line: Int
        let column: Int
        /// 1-based line of the key's first occurrence in the same mapping.
        let firstLine: Int
        /// 0-based lines of the repeated entry (the key and its value).
        let entryLines: Range<Int>
    }

    static func find(in text: String) -> [Duplicate] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var scan = Scan()
        var found: [(key: String, line: Int, column: Int, firstLine: Int)] = []
        for (index, line) in lines.enumerated() {
            if let repeated = scan.read(line, at: index) {
                found.append(repeated)
            }
        }
        return found.map { repeated in
            let end = (repeated.line + 1..<lines.count).first { index in
                guard let indent = contentIndent(lines[index]) else { return false }
                return indent < repeated.column || (indent == repeated.column && !scan.blockScalarLines.contains(index))
            } ?? lines.count
            return Duplicate(key: repeated.key, line: repeated.line + 1, column: repeated.column + 1, firstLine: repeated.firstLine + 1,
                             entryLines: repeated.line..<end)
        }
    }

    /// The text with the lines of every repeated entry emptied, so that each line keeps its number.
    static func removing(_ duplicates: [Duplicate], from text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for duplicate in duplicates {
            for index in duplicate.entryLines where lines.indices.contains(index) {
                lines[index] = ""
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Columns of spaces before a line's content; nil for a blank or comment-only line.
    static func contentIndent(_ line: [UInt8]) -> Int? {
        guard let first = line.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return nil }
        return line[first] == UInt8(ascii: "#") || line[first] == UInt8(ascii: "\r") || line[first] == UInt8(ascii: "\t") ? nil : first
    }
}

/// The state of a scan between lines: the open mappings and what kind of value continues on later lines.
private struct Scan {
    /// Open block mappings, innermost last: the column of their keys, and each key with its 0-based line.
    private var mappings: [(column: Int, keys: [String: Int])] = []
    /// Lines deeper than this column belong to a block scalar.
    private var blockScalarColumn: Int?
    /// A quoted value or a flow collection that continues on the next line.
    private var openQuote: UInt8?
    private var flowDepth = 0
    private(set) var blockScalarLines: Set<Int> = []

    /// Reads one line; a repeated key when the line holds one.
    mutating func read(_ line: [UInt8], at index: Int) -> (key: String, line: Int, column: Int, firstLine: Int)? {
        if let column = blockScalarColumn {
            if let indent = YAMLDuplicateKeys.contentIndent(line), indent <= column {
                blockScalarColumn = nil
            } else {
                blockScalarLines.insert(index)
                return nil
            }
        }
        if openQuote != nil || flowDepth > 0 {
            continueValue(line[...])
            return nil
        }
        guard var column = YAMLDuplicateKeys.contentIndent(line) else { return nil }
        if line[column...].starts(with: Array("---".utf8)) || line[column...].starts(with: Array("...".utf8)) {
            mappings = []
            return nil
        }
        // `- ` opens a sequence item: the mapping in it is a new one.
        var itemColumn: Int?
        while column < line.count, line[column] == UInt8(ascii: "-"),
              column + 1 == line.count || line[column + 1] == UInt8(ascii: " ") {
            itemColumn = column
            column += 1
            while column < line.count, line[column] == UInt8(ascii: " ") { column += 1 }
        }
        let rest = line[column...]
        guard let (key, valueStart) = Self.key(in: rest) else {
            startValue(rest, parentColumn: itemColumn ?? column)
            return nil
        }
        while let last = mappings.last, last.column > column || (itemColumn != nil && last.column >= column) {
            mappings.removeLast()
        }
        if mappings.last?.column != column {
            mappings.append((column: column, keys: [:]))
        }
        startValue(line[valueStart...], parentColumn: column)
        let innermost = mappings.count - 1
        if let first = mappings[innermost].keys[key] {
            return (key: key, line: index, column: column, firstLine: first)
        }
        mappings[innermost].keys[key] = index
        return nil
    }

    /// The key of a `key: value` line (plain, single- or double-quoted) and where its value starts.
    private static func key(in text: ArraySlice<UInt8>) -> (String, Int)? {
        guard let first = text.first else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = closingQuote(first, in: text.dropFirst()) else { return nil }
            var after = close + 1
            while after < text.endIndex, text[after] == UInt8(ascii: " ") { after += 1 }
            guard after < text.endIndex, text[after] == UInt8(ascii: ":"), isSeparator(text, after + 1) else { return nil }
            return (String(decoding: text[(text.startIndex + 1)..<close], as: UTF8.self), after + 1)
        }
        guard !"[{|>&*!?%@`#,".utf8.contains(first) else { return nil }
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "#"), index > text.startIndex, text[index - 1] == UInt8(ascii: " ") { return nil }
            if text[index] == UInt8(ascii: ":"), isSeparator(text, index + 1) {
                var end = index
                while end > text.startIndex, text[end - 1] == UInt8(ascii: " ") { end -= 1 }
                return (String(decoding: text[text.startIndex..<end], as: UTF8.self), index + 1)
            }
            index += 1
        }
        return nil
    }

    /// Whether `index` is the end of the text or a space (what makes a `:` end a key).
    private static func isSeparator(_ text: ArraySlice<UInt8>, _ index: Int) -> Bool {
        index >= text.endIndex || text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\r") || text[index] == UInt8(ascii: "\t")
    }

    /// The index of the quote closing a quoted scalar that starts before `text`, nil when it is not closed here.
    private static func closingQuote(_ quote: UInt8, in text: ArraySlice<UInt8>) -> Int? {
        var index = text.startIndex
        while index < text.endIndex {
            if quote == UInt8(ascii: "\""), text[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if text[index] == quote {
                if quote == UInt8(ascii: "'"), index + 1 < text.endIndex, text[index + 1] == quote {
                    index += 2
                    continue
                }
                return index
            }
            index += 1
        }
        return nil
    }

    /// Notes a value that goes on after this line: a block scalar (`|`, `>`), an unclosed quote or flow collection.
    private mutating func startValue(_ value: ArraySlice<UInt8>, parentColumn: Int) {
        var text = value.drop { $0 == UInt8(ascii: " ") }
        // A tag or an anchor may come first (`!!str |`, `&default {`).
        while let first = text.first, first == UInt8(ascii: "!") || first == UInt8(ascii: "&") {
            text = text.drop { $0 != UInt8(ascii: " ") }.drop { $0 == UInt8(ascii: " ") }
        }
        guard let first = text.first else { return }
        switch first {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            let header = text.dropFirst().prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }
            if header.allSatisfy({ "+-0123456789".utf8.contains($0) }) { blockScalarColumn = parentColumn }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if Self.closingQuote(first, in: text.dropFirst()) == nil { openQuote = first }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            continueValue(text)
        default:
            break
        }
    }

    /// Follows an open quote or flow collection through one line.
    private mutating func continueValue(_ text: ArraySlice<UInt8>) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if let quote = openQuote {
                guard let close = Self.closingQuote(quote, in: text[index...]) else { return }
                openQuote = nil
                index = close + 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                openQuote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: "#"):
                if index == text.startIndex || text[index - 1] == UInt8(ascii: " ") { return }
            default:
                break
            }
            index += 1
        }
    }
}
