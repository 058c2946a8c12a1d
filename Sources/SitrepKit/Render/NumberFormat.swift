import Foundation

/// Locale-independent number text for pages.
enum NumberFormat {
    /// `99.95%`, truncated (never rounded up to a perfect 100%); `No data` for nil.
    static func uptime(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "No data" }
        let clamped = min(max(value, 0), 100)
        if clamped == 100 { return "100%" }
        let truncated = (clamped * 100).rounded(.down) / 100
        return DecimalText.fixed(truncated, decimals: 2) + "%"
    }

    /// `123 ms`; `—` for nil.
    static func milliseconds(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return "\(Int(value.rounded())) ms"
    }

    /// A coordinate with at most one decimal, for SVG attributes.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : DecimalText.fixed(rounded, decimals: 1)
    }
}
