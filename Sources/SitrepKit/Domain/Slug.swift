import Foundation

/// Ids of components, groups, checks, incidents and maintenance appear in URLs and file names:
/// lowercase ASCII letters, digits and inner hyphens only.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else {
            return false
        }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// `base`, or `base-2`, `base-3`… while that is one of `existing` (a new content file's id).
    public static func unique(_ base: String, avoiding existing: Set<String>) -> String {
        var id = base
        var counter = 2
        while existing.contains(id) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        return id
    }

    /// A slug from a title: accents folded, lowercase ASCII letters and digits kept, every other run of
    /// characters one `-`, no `-` at either end, at most `maxLength` characters (cut at a `-` where possible);
    /// `fallback` when nothing is left.
    public static func make(from title: String, maxLength: Int = 60, fallback: String = "incident") -> String {
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
