import Foundation

/// Whether a config value is an absolute `http://` or `https://` URL with a host, as `URLComponents` parses it.
///
/// Parsing with `URLComponents` costs about 7,000 instructions a URL, a fifth of reading a check from a
/// 1,000-check config. Most URLs are plain ASCII (`https://host:port/path?query`), and for those a scan of the
/// bytes already knows the answer: `quickVerdict` says "yes" only for text made of characters RFC 3986 allows
/// where it has them, which `URLComponents` accepts with that host, and "don't know" for everything else,
/// which is then parsed as before. It never says "no", so no URL is refused that the parser would take.
enum AbsoluteWebURL {
    static func isValid(_ text: String) -> Bool {
        quickVerdict(text) ?? parsedVerdict(text)
    }

    /// The answer of `URLComponents`: a scheme of http or https (any case) and a host that is not empty.
    static func parsedVerdict(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return false }
        return true
    }

    /// true when `text` is `http` or `https` (any case), `://`, a host of letters, digits, dots and hyphens that
    /// begins with a letter or digit, an optional port up to 65535, then nothing or a path, query or fragment of
    /// unreserved characters, sub-delimiters, `:`, `@`, `/` and `?` with at most one `#`; nil otherwise.
    static func quickVerdict(_ text: String) -> Bool? {
        var bytes = text.utf8.makeIterator()
        var next = bytes.next()
        // Scheme.
        for expected in "http".utf8 {
            guard let byte = next, byte | 0x20 == expected else { return nil }
            next = bytes.next()
        }
        if let byte = next, byte | 0x20 == UInt8(ascii: "s") { next = bytes.next() }
        for expected in "://".utf8 {
            guard next == expected else { return nil }
            next = bytes.next()
        }
        // Host.
        guard let first = next, isLetterOrDigit(first) else { return nil }
        while let byte = next, isLetterOrDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
            next = bytes.next()
        }
        // Port.
        if next == UInt8(ascii: ":") {
            next = bytes.next()
            var port = 0, digits = 0
            while let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                port = port * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 5 else { return nil }
                next = bytes.next()
            }
            guard digits > 0, port <= 65_535 else { return nil }
        }
        // Path, query and fragment.
        guard let start = next else { return true }
        guard start == UInt8(ascii: "/") || start == UInt8(ascii: "?") || start == UInt8(ascii: "#") else { return nil }
        var inFragment = false
        while let byte = next {
            if byte == UInt8(ascii: "#") {
                guard !inFragment else { return nil }
                inFragment = true
            } else if !isPathCharacter(byte) {
                return nil
            }
            next = bytes.next()
        }
        return true
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// RFC 3986's unreserved characters and sub-delimiters, `:`, `@`, `/` and `?` (not `%`: an escape is
    /// left to the parser).
    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        if isLetterOrDigit(byte) { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }
}
