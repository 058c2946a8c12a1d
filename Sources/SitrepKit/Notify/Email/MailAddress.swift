/// An email address with an optional display name, as written in the config (`Status <status@example.org>`
/// or `status@example.org`).
public struct MailAddress: Sendable, Hashable {
    public var displayName: String?
    /// The bare address (`local@domain`).
    public var address: String

    /// The part after the last `@` (for Message-IDs).
    var domain: String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    /// Parses `Name <local@domain>` or `local@domain`; nil when there is no plausible address (one `@` with text
    /// on both sides, no spaces, brackets, commas or control characters that would break the SMTP envelope).
    public static func parse(_ text: String) -> MailAddress? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let rawName = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let unquoted = rawName.hasPrefix("\"") && rawName.hasSuffix("\"") && rawName.count >= 2
                ? String(rawName.dropFirst().dropLast()) : rawName
            name = unquoted.isEmpty ? nil : unquoted
        }
        guard isPlausible(address) else { return nil }
        return MailAddress(displayName: name, address: address)
    }

    private static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return address.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !"<>,;\"()[]\\".unicodeScalars.contains(scalar)
        }
    }
}
