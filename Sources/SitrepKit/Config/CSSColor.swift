import Foundation

/// A colour from the config, accepted only as CSS hex (`#0969da` or `#09d`): a value that is printed into a
/// `<style>` element must not be able to carry anything but a colour, and a hex colour's contrast can be
/// measured before the site is built.
public struct CSSColor: Sendable, Hashable, CustomStringConvertible {
    /// Lower-case `#rrggbb`.
    public let hex: String
    let red: Double, green: Double, blue: Double

    public init?(_ text: String) {
        let digits = Array(text.utf8.dropFirst())
        guard text.hasPrefix("#"), digits.count == 3 || digits.count == 6,
              let values = Self.nibbles(digits) else { return nil }
        let full = values.count == 3 ? values.flatMap { [$0, $0] } : values
        let channel = { (index: Int) in Double(full[index] * 16 + full[index + 1]) / 255 }
        red = channel(0)
        green = channel(2)
        blue = channel(4)
        hex = "#" + full.map { String($0, radix: 16) }.joined()
    }

    public var description: String { hex }

    /// WCAG 2 relative luminance.
    var luminance: Double {
        func linear(_ value: Double) -> Double { value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2 contrast ratio with `other`, 1…21.
    func contrast(with other: CSSColor) -> Double {
        let (light, dark) = luminance > other.luminance ? (luminance, other.luminance) : (other.luminance, luminance)
        return (light + 0.05) / (dark + 0.05)
    }

    private static func nibbles(_ digits: [UInt8]) -> [Int]? {
        var values: [Int] = []
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(Int(digit - UInt8(ascii: "0")))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): values.append(Int(digit - UInt8(ascii: "a")) + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): values.append(Int(digit - UInt8(ascii: "A")) + 10)
            default: return nil
            }
        }
        return values
    }
}
