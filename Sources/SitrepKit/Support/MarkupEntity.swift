/// The character references that keep text from being read as markup, for HTML and XML alike; only the
/// apostrophe differs (`&#39;` in pages, as swift-mustache writes it, `&apos;` in feeds and badges).
enum MarkupEntity {
    /// Appends the reference for `byte` when it is one of `& < > " '` and returns true; false (nothing appended)
    /// for any other byte.
    static func append(_ byte: UInt8, apostrophe: StaticString, to out: inout [UInt8]) -> Bool {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): apostrophe.withUTF8Buffer { out.append(contentsOf: $0) }
        default: return false
        }
        return true
    }
}
