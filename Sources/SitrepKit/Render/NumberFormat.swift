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

    /// A coordinate rounded to one decimal, for SVG attributes: `56`, `120.5`, `-3.2` (no `.0`). A value that
    /// is not finite, or too large to be a coordinate, is `0`.
    static func coordinate(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendCoordinate(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `coordinate(value)` as UTF-8 bytes.
    static func appendCoordinate(_ value: Double, to bytes: inout [UInt8]) {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, tenths.magnitude < 1e15 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let magnitude = UInt(tenths.magnitude)
        if tenths < 0, magnitude != 0 { bytes.append(UInt8(ascii: "-")) }
        DecimalText.append(magnitude / 10, to: &bytes)
        if magnitude % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }
}
