import Foundation

/// Ids that are safe in URLs and file names: `[a-z0-9-]+`.
enum Slug {
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug from a title: accents folded, lowercase ASCII letters and digits kept, every other run of
    /// characters one `-`, no `-` at either end, at most `maxLength` characters (cut at a `-` where possible);
    /// `fallback` when nothing is left.
    static func make(from title: String, maxLength: Int = 60, fallback: String = "incident") -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        if slug.count > maxLength {
            let cut = slug.prefix(maxLength)
            slug = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }
}
