/// Escaping for XML text and attribute values (feeds and SVG badges).
enum XMLText {
    /// Escapes `& < > " '` and drops the characters XML 1.0 cannot carry at all (C0 controls other than tab,
    /// line feed and carriage return, lone surrogates cannot occur in a Swift string, U+FFFE and U+FFFF),
    /// so any title or message yields a well-formed document.
    static func escape(_ text: String) -> String {
        // Most titles and messages hold none of those: returned as they are, without a copy.
        guard text.containsUTF8Byte(where: mayChange) else { return text }
        return text.rewritingUTF8(changing: mayChange) { bytes, index, out in
            let byte = bytes[index]
            index += 1
            if MarkupEntity.append(byte, apostrophe: "&apos;", to: &out) { return }
            switch byte {
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20: break
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] & 0xFE == 0xBE:
                // U+FFFE or U+FFFF (EF BF BE, EF BF BF): dropped whole.
                index += 2
            default: out.append(byte)
            }
        }
    }

    /// A byte that may start a character `escape` changes: `& < > " '`, a C0 control other than tab, line feed
    /// and carriage return, or 0xEF, the lead byte of U+FFFE and U+FFFF (`escape` then checks the bytes after it).
    private static func mayChange(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        default: false
        }
    }
}
