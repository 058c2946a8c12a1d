import Foundation

/// Turns a valid input file into a hostile one: bytes flipped, removed, repeated or inserted, and tokens that
/// have broken parsers before (YAML syntax, aliases, tags, template and Markdown delimiters, impossible dates,
/// path tricks, control characters, invalid UTF-8, long runs).
struct InputMutator {
    /// Tokens inserted at random places; each is something a YAML, Markdown or template reader must survive.
    static let tokens: [[UInt8]] = [
        "---", "\n---\n", ": ", "\n- ", "[", "]", "{", "}", "&a ", "*a", "<<: *a", "!!binary ", "!!python/object ",
        "? ", "|", ">-", "\"", "'", "#", "%YAML 1.1\n", "\t", "\r", "\r\n", "\\", "\u{0}", "\u{1B}[31m", "\u{7F}",
        "\u{202E}", "\u{FEFF}", "e\u{301}", "{{", "}}", "{{{", "{{>index}}", "{{> partials/bars}}", "{{> partials/status}}", "{{> layout}}", "{{>*name}}", "{{=<% %>=}}", "{{#a}}", "{{/a}}", "<script>alert(1)</script>",
        "javascript:alert(1)", "<!--", "]]>", "&amp;", "`", "```", "**", "__", "~~", "[x](", "![", "<http://x", "| a | b |\n|---|---|\n",
        "0000-01-01T00:00:00Z", "99999-12-31T00:00:00Z", "2026-02-30 10:00", "1969-12-31T23:59:59Z", "-1", "1e999",
        "9223372036854775808", "0x7FFFFFFF", ".nan", "~", "null", "true", "yes", "..", "../../etc/passwd", "/proc/self/environ",
        "${FUZZ_SECRET}", "${UNSET_VARIABLE}", "$${X}", "impact: critical", "status: resolved", "status: cancelled",
        "components: [api, nope]", "components: {api: major_outage}", "id: api", "group: nowhere",
    ].map { Array($0.utf8) }
    static let rawBytes: [UInt8] = [0x00, 0x08, 0x0B, 0x0C, 0x1F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF5, 0xFE, 0xFF]

    var generator: SeededGenerator

    /// One to three mutations of `input`.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            bytes = mutateOnce(bytes)
        }
        return bytes
    }

    private mutating func mutateOnce(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        let position = Int.random(in: 0...bytes.count, using: &generator)
        switch Int.random(in: 0..<8, using: &generator) {
        case 0: // insert a token
            bytes.insert(contentsOf: Self.tokens.randomElement(using: &generator) ?? [], at: position)
        case 1: // insert raw bytes, often not UTF-8
            let count = Int.random(in: 1...4, using: &generator)
            bytes.insert(contentsOf: (0..<count).map { _ in Self.rawBytes.randomElement(using: &generator) ?? 0 }, at: position)
        case 2: // flip one byte
            if !bytes.isEmpty {
                let index = min(position, bytes.count - 1)
                bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            }
        case 3: // delete a range
            let end = min(bytes.count, position + Int.random(in: 1...40, using: &generator))
            bytes.removeSubrange(position..<end)
        case 4: // repeat a range, sometimes many times
            let end = min(bytes.count, position + Int.random(in: 1...60, using: &generator))
            let times = Bool.random(using: &generator) ? 2 : Int.random(in: 10...2_000, using: &generator)
            let piece = Array(bytes[position..<end])
            for _ in 0..<times { bytes.insert(contentsOf: piece, at: position) }
        case 5: // a long run of one delimiter (the shapes that make parsers quadratic)
            let run = ["[", "*", "_", "`", "<", "{{", ">", "-", "|", "\\", "(", " "].randomElement(using: &generator) ?? "["
            bytes.insert(contentsOf: Array(String(repeating: run, count: Int.random(in: 100...20_000, using: &generator)).utf8),
                         at: position)
        case 6: // cut the file short
            bytes.removeSubrange(position..<bytes.count)
        default: // swap two lines
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            if lines.count > 1 {
                let a = Int.random(in: 0..<lines.count, using: &generator)
                let b = Int.random(in: 0..<lines.count, using: &generator)
                lines.swapAt(a, b)
            }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }
        return bytes
    }
}
