import Foundation

/// Markdown sources as the models keep them.
enum ContentText {
    /// nil for an empty or whitespace-only text.
    static func nonBlank(_ text: String) -> String? {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }
}
