import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: plain ASCII stays as written, anything else becomes
/// UTF-8 encoded-words (`=?UTF-8?B?...?=`) of at most 75 characters, folded onto continuation lines; line
/// breaks in a value (which would start a new header) become spaces.
enum MailHeaderText {
    /// One header line (possibly folded), CRLF-terminated.
    static func line(_ name: String, _ value: String) -> String {
        "\(name): \(encode(value, used: name.utf8.count + 2))\r\n"
    }

    /// `value` encoded for a header whose line already holds `used` characters.
    static func encode(_ value: String, used: Int = 0) -> String {
        let flat = String(value.map { $0.isNewline ? " " : $0 })
        if flat.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && flat.utf8.count + used <= 998 { return flat }
        return encodedWords(flat).joined(separator: "\r\n ")
    }

    /// Encoded-words of whole characters (a character is never split between two words).
    private static func encodedWords(_ text: String) -> [String] {
        // "=?UTF-8?B?" + "?=" is 12 characters; 45 bytes make 60 base64 characters: 72 in all.
        let maxBytes = 45
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: Data) -> String {
        "=?UTF-8?B?\(bytes.base64EncodedString())?="
    }

    /// A mailbox (`Name <address>`) with the display name encoded when it needs to be; the address as given.
    static func mailbox(_ mailbox: MailAddress) -> String {
        guard let name = mailbox.displayName, !name.isEmpty else { return mailbox.address }
        let plain = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if plain {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(mailbox.address)>"
        }
        return "\(encodedWords(name).joined(separator: " ")) <\(mailbox.address)>"
    }

    /// RFC 5322 date-time: `Sun, 06 Dec 2026 22:18:28 +0000`.
    static func date(_ date: Date) -> String {
        date.formatted(Date.VerbatimFormatStyle(
            format: "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) +0000",
            locale: Locale(identifier: "en_US_POSIX"), timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
    }
}
