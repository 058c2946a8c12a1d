import Foundation

/// Markdown sources as the models keep them.
enum ContentText {
    /// nil for an empty or whitespace-only text (`CharacterSet.whitespacesAndNewlines`). The scan stops at the
    /// first other character instead of trimming a copy of the whole text.
    static func nonBlank(_ text: String) -> String? {
        text.unicodeScalars.contains { !CharacterSet.whitespacesAndNewlines.contains($0) } ? text : nil
    }
}
