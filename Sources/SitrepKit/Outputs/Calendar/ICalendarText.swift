/// RFC 5545 content-line rules: TEXT escaping and 75-octet folding with CRLF line ends.
enum ICalendarText {
    /// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines; other control
    /// characters are not allowed in TEXT and are dropped. Some calendar clients render DESCRIPTION as HTML,
    /// so `<` and `>` become the look-alike single angle quotation marks `‹` and `›`: content from a pull
    /// request can never smuggle markup into a subscriber's calendar.
    static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            case "<": out += "\u{2039}"
            case ">": out += "\u{203A}"
            default:
                if scalar.value >= 0x20, scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// One content line, folded so no physical line exceeds 75 octets (continuations start with a space),
    /// never splitting a UTF-8 sequence, terminated by CRLF.
    static func line(_ content: String) -> String {
        var out = ""
        var octets = 0
        for scalar in content.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out + "\r\n"
    }

    /// `NAME:value` with the value TEXT-escaped.
    static func property(_ name: String, text value: String) -> String {
        line("\(name):\(escape(value))")
    }
}
