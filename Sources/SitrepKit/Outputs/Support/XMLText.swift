/// Escaping for XML text and attribute values (feeds and SVG badges).
enum XMLText {
    /// Escapes `& < > " '` and drops the characters XML 1.0 cannot carry at all (C0 controls other than tab,
    /// line feed and carriage return, lone surrogates cannot occur in a Swift string, U+FFFE and U+FFFF),
    /// so any title or message yields a well-formed document.
    static func escape(_ text: String) -> String {
        // Most titles and messages hold none of those: returned as they are, without a copy. The bytes looked
        // for are the ASCII ones above, C0 controls and 0xEF, the lead byte of U+FFFE and U+FFFF (the loop
        // below then decides exactly).
        guard text.containsUTF8Byte(where: { byte in
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF
        }) else { return text }
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

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
