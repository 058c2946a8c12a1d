/// Escaping for XML text and attribute values (feeds and SVG badges).
enum XMLText {
    /// Escapes `& < > " '` and drops the characters XML 1.0 cannot carry at all (C0 controls other than tab,
    /// line feed and carriage return, lone surrogates cannot occur in a Swift string, U+FFFE and U+FFFF),
    /// so any title or message yields a well-formed document.
    static func escape(_ text: String) -> String {
        // Most titles and messages hold none of those: returned as they are, without a copy.
        guard text.containsUTF8Byte(where: mayChange) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A byte that may start a character `escape` changes: `& < > " '`, a C0 control other than tab, line feed
    /// and carriage return, or 0xEF, the lead byte of U+FFFE and U+FFFF (the scalar loop then decides exactly).
    private static func mayChange(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        default: false
        }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
