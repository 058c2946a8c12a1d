/// Limits on the Markdown of one content file that bound cmark-gfm's work, checked in one linear pass before
/// anything is rendered. cmark-gfm 0.29.0.gfm.6 is quadratic on some inputs and creates a node for every
/// delimiter: at 32 KiB, a paragraph of `a <?` took 0.17 s, `www.a)))…` 0.4 s, a table row of 32,000 `|`
/// 3 s, and a 5,000-column table with 16,000 one-cell rows 170 s and 300 MB of HTML, against 0.3-0.7 ms for
/// prose or a long postmortem. Realistic text stays far below every limit; a text over one is refused (never
/// rewritten), with the file line of the paragraph or line that goes over.
///
/// One instance serves one file: the markup-character and table-cell totals count every Markdown text of the
/// file (the body and each update message).
public final class MarkdownLimits {
    /// Characters that make cmark-gfm create a node or scan ahead (and `#` or `=` opening a line, a heading),
    /// counted over the whole file. A long, link- and code-heavy postmortem filling a 16 KiB file uses about
    /// 1,020 (the postmortem of `HostileMarkdownCLITests`); 2,048 until the size limit was halved.
    static let maximumMarkupCharacters = 1_280
    /// Lines of Markdown in the whole file (a bare `\r` ends a line too): each line costs cmark-gfm a node or two.
    static let maximumLines = 2_000
    /// The letter `w` in the whole file: each one may start a `www.` address, and splits the text around it.
    static let maximumLetterW = 4_096
    /// `www.`, `://` and `@` in the whole file.
    static let maximumAutolinks = 256
    /// `[` and `]` in one paragraph: link and image brackets are matched by scanning back (`![[]()`).
    static let maximumBracketsPerParagraph = 256
    /// `<` in one paragraph: each one scans ahead for the end of an HTML tag, comment or `<?` to the end of the paragraph.
    static let maximumAnglesPerParagraph = 16
    /// `www.`, `://` and `@` in one paragraph: each starts an autolink scan through the word around it.
    static let maximumAutolinksPerParagraph = 32
    /// Bytes of a word (text between spaces) holding `www.`, `://` or `@`: the autolink scan is quadratic in it.
    static let maximumAutolinkWordBytes = 512
    /// Punctuation (`( ) . , ; : ? ! ' "` and `* _ ~`) in such a word: trailing punctuation is trimmed off an
    /// address one character at a time, each time counting the parentheses of the whole address.
    static let maximumAutolinkPunctuation = 32
    /// Table delimiter rows (`|---|---|`) in one paragraph: at each one, cmark-gfm reads the whole paragraph
    /// before it as a possible table header.
    static let maximumDelimiterRowsPerParagraph = 2
    /// Block quote and list markers opening one line (`> > - `): every later line re-matches each of them.
    static let maximumNesting = 8
    /// `|` on one line: a table row is split quadratically in its cells.
    static let maximumPipesPerLine = 64
    /// Table cells (each row filled up to the header's columns, or as many as it has), counted over the whole file.
    /// cmark-gfm's table extension costs about ten times as much per byte as prose (a node, an inline parse and
    /// HTML tags per cell): a 16 KiB file with 760 short cells took 2.1 ms to render against 0.3 ms for prose, and
    /// 1,000 such files were half of a content build. A long postmortem with three 3-column timeline tables of 12
    /// rows (117 real cells) counts 210 here, as every `|`, outer ones included, counts as a column; 1,024 until
    /// the size limit was halved, then 768 until 2026-12.
    public static let maximumTableCells = 256

    private let collector: DiagnosticCollector
    fileprivate var markupCharacters = 0
    fileprivate var tableCells = 0
    fileprivate var autolinks = 0
    fileprivate var lines = 0
    fileprivate var letterW = 0
    /// Each limit is reported once per file, where it is first exceeded (a hostile file could otherwise fill
    /// the terminal with one message per line).
    private var reportedLimits: Set<String> = []

    init(collector: DiagnosticCollector) {
        self.collector = collector
    }

    /// Checks one Markdown text whose first line is line `firstLine` of the file. With `perLine` false (a message
    /// in the YAML, whose lines may be folded or escaped) every problem is reported at `firstLine`.
    func check(_ text: String, firstLine: Int, perLine: Bool = true) {
        var scan = TextScan(limits: self, firstLine: firstLine, perLine: perLine)
        var text = text
        text.withUTF8 { scan.run($0) }
    }

    fileprivate func countLine(line: Int) {
        lines += 1
        if lines > Self.maximumLines {
            report(limit: "lines", "the Markdown of this file has more than \(Self.maximumLines) lines by this line", line: line)
        }
    }

    fileprivate func countMarkup(line: Int) {
        markupCharacters += 1
        if markupCharacters > Self.maximumMarkupCharacters {
            report(limit: "markup", "the Markdown of this file has more than \(Self.maximumMarkupCharacters) markup characters "
                   + "([ ] < @ * _ ~ ` & \\ ! :, headings, list and quote markers) by this line; that much markup takes long to render", line: line)
        }
    }

    fileprivate func report(limit: String, _ message: String, line: Int) {
        guard reportedLimits.insert(limit).inserted else { return }
        collector.report(message, line: line, column: 1)
    }
}

/// The scan of one Markdown text: its state in one value, so that the per-byte loop and the helpers it calls
/// reach it directly (as local functions capturing local variables they paid a run-time exclusivity check for
/// every access, two for every word: 300 million instructions for 1,000 files of 16 KiB).
private struct TextScan {
    let limits: MarkdownLimits
    let firstLine: Int
    let perLine: Bool
    var paragraph = Paragraph(line: 0)
    var lineIndex = 0
    var lineStart = true
    var blankSoFar = true
    var line = LineScan()
    var word = WordScan()
    var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)

    init(limits: MarkdownLimits, firstLine: Int, perLine: Bool) {
        self.limits = limits
        self.firstLine = firstLine
        self.perLine = perLine
    }

    func fileLine(_ index: Int) -> Int { perLine ? firstLine + index : firstLine }

    mutating func endLine() {
        if line.pipes > MarkdownLimits.maximumPipesPerLine {
            limits.report(limit: "pipes", "this line has \(line.pipes) '|'; at most \(MarkdownLimits.maximumPipesPerLine) are allowed (a table row this wide takes seconds to render)",
                          line: fileLine(lineIndex))
        }
        limits.countLine(line: fileLine(lineIndex))
        for _ in 0..<line.nesting { limits.countMarkup(line: fileLine(lineIndex)) }
        if line.nesting > MarkdownLimits.maximumNesting {
            limits.report(limit: "nesting", "this line opens \(line.nesting) block quotes and lists; at most \(MarkdownLimits.maximumNesting) may be nested", line: fileLine(lineIndex))
        }
        if blankSoFar {
            endParagraph()
            paragraph = Paragraph(line: lineIndex + 1)
        } else {
            paragraph.addLine(pipes: line.pipes, isDelimiterRow: line.isDelimiterRow)
        }
        lineIndex += 1
        lineStart = true
        blankSoFar = true
        line = LineScan()
    }

    mutating func endWord() {
        if word.hasAutolink, word.bytes > MarkdownLimits.maximumAutolinkWordBytes {
            limits.report(limit: "address bytes", "this paragraph has a web or mail address of \(word.bytes) bytes; at most \(MarkdownLimits.maximumAutolinkWordBytes) are allowed",
                          line: fileLine(paragraph.line))
        } else if word.hasAutolink, word.punctuation > MarkdownLimits.maximumAutolinkPunctuation {
            limits.report(limit: "address punctuation", "this paragraph has a web or mail address with \(word.punctuation) punctuation characters; "
                          + "at most \(MarkdownLimits.maximumAutolinkPunctuation) are allowed", line: fileLine(paragraph.line))
        }
        word = WordScan()
    }

    mutating func noteAutolink(line: Int) {
        paragraph.autolinks += 1
        word.hasAutolink = true
        limits.autolinks += 1
        if limits.autolinks > MarkdownLimits.maximumAutolinks {
            limits.report(limit: "addresses", "this file has more than \(MarkdownLimits.maximumAutolinks) web and mail addresses ('www.', '://', '@') by this line", line: line)
        }
    }

    mutating func endParagraph() {
        endWord()
        let paragraphLimits: [(Int, Int, String)] = [
            (paragraph.brackets, MarkdownLimits.maximumBracketsPerParagraph, "link brackets ('[' and ']')"),
            (paragraph.angles, MarkdownLimits.maximumAnglesPerParagraph, "'<'"),
            (paragraph.autolinks, MarkdownLimits.maximumAutolinksPerParagraph, "web and mail addresses ('www.', '://', '@')"),
            (paragraph.delimiterRows, MarkdownLimits.maximumDelimiterRowsPerParagraph, "table delimiter rows ('|---|')"),
        ]
        for (count, limit, what) in paragraphLimits where count > limit {
            limits.report(limit: what, "this paragraph has \(count) \(what); at most \(limit) are allowed", line: fileLine(paragraph.line))
        }
        limits.tableCells += paragraph.tableCells
        if limits.tableCells > MarkdownLimits.maximumTableCells {
            limits.report(limit: "cells", "the tables of this file have \(limits.tableCells) cells up to here; at most \(MarkdownLimits.maximumTableCells) are allowed",
                          line: fileLine(paragraph.line))
        }
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            // A run of letters (but `w`), digits and non-ASCII bytes inside a line changes nothing but the word's
            // length and the last three bytes: taken whole (most of a file's bytes).
            if !lineStart, previous.2 != UInt8(ascii: "\r"), Self.isPlain(byte) {
                var end = index + 1
                while end < buffer.count, Self.isPlain(buffer[end]) { end += 1 }
                word.bytes += end - index
                blankSoFar = false
                line.noteDelimiterRow(byte)
                switch end - index {
                case 1: previous = (previous.1, previous.2, byte)
                case 2: previous = (previous.2, byte, buffer[end - 1])
                default: previous = (buffer[end - 3], buffer[end - 2], buffer[end - 1])
                }
                index = end
                continue
            }
            index += 1
            if previous.2 == UInt8(ascii: "\r"), byte != UInt8(ascii: "\n") {
                limits.countLine(line: fileLine(lineIndex))
            }
            if byte == UInt8(ascii: "\n") {
                endWord()
                endLine()
                previous = (0, 0, 0)
                continue
            }
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            if isSpace { endWord() } else { word.bytes += 1; blankSoFar = false }
            if lineStart, !line.continueOpening(byte) {
                lineStart = false
                if line.isEmpty, byte == UInt8(ascii: "#") || byte == UInt8(ascii: "=") {
                    limits.countMarkup(line: fileLine(lineIndex))
                }
            }
            if WordScan.isAddressPunctuation(byte) { word.punctuation += 1 }
            line.noteDelimiterRow(byte)
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "]"):
                paragraph.brackets += 1
                limits.countMarkup(line: fileLine(lineIndex))
            case UInt8(ascii: "<"):
                paragraph.angles += 1
                limits.countMarkup(line: fileLine(lineIndex))
            case UInt8(ascii: "@"):
                noteAutolink(line: fileLine(lineIndex))
                limits.countMarkup(line: fileLine(lineIndex))
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "&"), UInt8(ascii: "\\"),
                 UInt8(ascii: "!"), UInt8(ascii: ":"):
                limits.countMarkup(line: fileLine(lineIndex))
            case UInt8(ascii: "|"):
                line.pipes += 1
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                limits.letterW += 1
                if limits.letterW > MarkdownLimits.maximumLetterW {
                    limits.report(limit: "w", "the Markdown of this file has more than \(MarkdownLimits.maximumLetterW) letters 'w' by this line "
                                  + "(each may start a www. address)", line: fileLine(lineIndex))
                }
            case UInt8(ascii: "."):
                if previous == (UInt8(ascii: "w"), UInt8(ascii: "w"), UInt8(ascii: "w")) {
                    noteAutolink(line: fileLine(lineIndex))
                }
            case UInt8(ascii: "/"):
                if previous.1 == UInt8(ascii: ":"), previous.2 == UInt8(ascii: "/") {
                    noteAutolink(line: fileLine(lineIndex))
                }
            default:
                break
            }
            previous = (previous.1, previous.2, byte)
        }
        endWord()
        endLine()
        endParagraph()
    }

    /// A byte that, inside a line, only lengthens the word: an ASCII letter other than `w`, a digit, or part of
    /// a non-ASCII character.
    static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "v"), UInt8(ascii: "x")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "V"), UInt8(ascii: "X")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...0xFF:
            true
        default:
            false
        }
    }
}

/// What one paragraph (a run of non-blank lines) of a Markdown text holds.
private struct Paragraph {
    /// 0-based line of the text where it starts.
    let line: Int
    var brackets = 0
    var angles = 0
    var autolinks = 0
    private(set) var delimiterRows = 0
    /// Columns of the table being read (after its delimiter row), and its cells so far.
    private var tableColumns = 0
    private(set) var tableCells = 0
    private var previousLinePipes = 0

    init(line: Int) {
        self.line = line
    }

    /// A table starts at a delimiter row (`|---|:--|`), whose header is the line before; every later line of
    /// the paragraph is a row of at least the table's columns.
    mutating func addLine(pipes: Int, isDelimiterRow: Bool) {
        if isDelimiterRow, pipes > 0 { delimiterRows += 1 }
        if isDelimiterRow, pipes > 0 || previousLinePipes > 0 {
            tableColumns = pipes + 1
            tableCells += 2 * tableColumns
        } else if tableColumns > 0 {
            // Cells past the header's columns are read and dropped.
            tableCells += max(tableColumns, pipes + 1)
        }
        previousLinePipes = pipes
    }
}

/// What one line holds so far.
private struct LineScan {
    var pipes = 0
    /// Block quote and list markers opening the line.
    var nesting = 0
    /// Only `|`, `-`, `:` and spaces, with at least one `-`, so far.
    private(set) var isDelimiterRow = false
    private var delimiterRowBroken = false
    /// A list marker (`-`, `*`, `+`, `1.`, `1)`) read, counted once a space follows.
    private var pendingMarker = false
    private var inDigits = false
    /// Nothing but spaces so far (no marker either).
    var isEmpty: Bool { nesting == 0 && !pendingMarker && !inDigits }

    /// Follows the markers that open a line (`>`, and `-`, `*`, `+`, `1.`, `1)` before a space); false once the
    /// line's text starts.
    mutating func continueOpening(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            if pendingMarker { nesting += 1 }
            pendingMarker = false
            inDigits = false
            return true
        case UInt8(ascii: ">"):
            guard !pendingMarker, !inDigits else { return false }
            nesting += 1
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            guard !pendingMarker, !inDigits else { return false }
            pendingMarker = true
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard !pendingMarker else { return false }
            inDigits = true
            return true
        case UInt8(ascii: "."), UInt8(ascii: ")"):
            guard inDigits else { return false }
            inDigits = false
            pendingMarker = true
            return true
        default:
            return false
        }
    }

    mutating func noteDelimiterRow(_ byte: UInt8) {
        guard !delimiterRowBroken else { return }
        switch byte {
        case UInt8(ascii: "-"):
            isDelimiterRow = true
        case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            break
        default:
            delimiterRowBroken = true
            isDelimiterRow = false
        }
    }
}

/// The word (run of non-space bytes) being read.
private struct WordScan {
    var bytes = 0
    var punctuation = 0
    var hasAutolink = false

    /// The punctuation counted in an address: a switch, not a search of a string's bytes, because this runs
    /// for every byte of every content file (the search took 62 % of `check` on 1,000 files of 32 KiB).
    static func isAddressPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "*"), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
