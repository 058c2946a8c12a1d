import Foundation
import Testing
@testable import SitrepKit

/// JSON and XML written byte by byte give what the scalar-by-scalar rules gave.
@Suite struct OutputEscapingTests {
    @Test func jsonIntegersWrittenByteByByteMatchTheirDescription() {
        var values = [0, 1, -1, 9, 10, -10, 99, 100, 123_456_789, Int.max, Int.min, Int.min + 1]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int(bitPattern: UInt(state)) >> Int(state % 60))
        }
        for value in values {
            #expect(JSONValue.int(value).serialized() == String(value))
        }
        #expect(JSONValue.array([.int(-5), .string("a<b"), .string("plain")]).serialized() == #"[-5,"a\u003cb","plain"]"#)
    }

    @Test func xmlTextIsReturnedAsItIsOnlyWhenNothingChanges() {
        for text in ["plain", "line\nbreak\ttab\r", "Zürich 東京", ""] {
            #expect(XMLText.escape(text) == text)
        }
        #expect(XMLText.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
        #expect(XMLText.escape("bell\u{7}\u{FFFE}\u{FFFF}\u{FFFD}") == "bell\u{FFFD}")
    }

    @Test func xmlTextEscapedByteByByteMatchesTheScalarRules() {
        // Scalars next to the ones that change, in UTF-8 too: U+EFFF and U+FFFD share the lead byte 0xEF with
        // U+FFFE and U+FFFF, U+FEFF and U+FFBE share more.
        let pool: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{7}", "\u{1F}", " ",
                                      "\u{7F}", "é", "\u{301}", "東", "\u{EFFF}", "\u{FEFF}", "\u{FFBE}", "\u{FFFD}",
                                      "\u{FFFE}", "\u{FFFF}", "\u{10000}", "\u{1F600}"]
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
                default:
                    if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        for string in Self.randomStrings(from: pool, seed: 0x2545_F491_4F6C_DD1D) {
            #expect(Array(XMLText.escape(string).utf8) == Array(reference(string).utf8), "\(Array(string.unicodeScalars))")
        }
    }

    @Test func jsonStringsEscapedByteByByteMatchTheScalarRules() {
        // U+2027 and U+202A sit next to U+2028 and U+2029 (E2 80 A7, E2 80 AA); U+20AC shares their lead byte.
        let pool: [Unicode.Scalar] = ["a", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{C}", "\u{1F}", "<", ">",
                                      "&", "'", "\u{7F}", "é", "東", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}",
                                      "\u{20AC}", "\u{1F600}"]
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 || "<>&\u{2028}\u{2029}".unicodeScalars.contains(scalar) {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        for string in Self.randomStrings(from: pool, seed: 0xD1B5_4A32_D192_ED03) {
            #expect(JSONValue.string(string).serialized() == reference(string), "\(Array(string.unicodeScalars))")
        }
    }

    /// 5,000 strings of 0 to 15 scalars drawn from `pool`, the same for the same seed.
    static func randomStrings(from pool: [Unicode.Scalar], seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        return (0..<5_000).map { _ in
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(next() >> 60) { text.append(pool[Int(next() >> 33) % pool.count]) }
            return String(text)
        }
    }
}
