import Foundation

/// `site.url`: the absolute base every feed, API document and canonical link is built from, printed into
/// attributes and XML as it is. It must be a plain `http(s)://host[:port][/path]`: no character that would
/// need escaping there (quotes, spaces, angle brackets, `&`), and no user name, query or fragment, which
/// would publish a password or break every URL built from it.
enum SiteURL {
    /// Characters besides ASCII letters and digits a base URL may hold.
    private static let punctuation = Set("-._~:/%[]!$()*+,;=".unicodeScalars)

    /// Why `text` is not a usable base URL ("must …"), nil when it is.
    static func problem(_ text: String) -> String? {
        if let bad = text.unicodeScalars.first(where: { !(isASCIIAlphanumeric($0) || punctuation.contains($0)) }) {
            return "must not contain \(describe(bad)) (a base URL holds only letters, digits and - . _ ~ : / % [ ] ! $ ( ) * + , ; =, "
                + "and no user name, query or fragment)"
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              text.lowercased().hasPrefix(scheme + "://")
        else { return "must be an absolute http(s) URL such as https://status.example.com" }
        return nil
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": "a space"
        case "'": "a quote (')"
        default: scalar.isASCII && scalar.value >= 0x21 && scalar.value < 0x7F
            ? "'\(scalar)'" : "the character U+\(String(scalar.value, radix: 16, uppercase: true))"
        }
    }
}
