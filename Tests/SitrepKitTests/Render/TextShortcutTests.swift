import Foundation
import Testing
@testable import SitrepKit

/// The fast paths for text give what the general code gave.
@Suite struct TextShortcutTests {
    @Test func blankBodiesAreThoseOfWhitespaceAndNewlinesOnly() {
        for blank in ["", " \n\t\r\n", "\u{200B}\u{3000}\u{2028}\u{85}"] {
            #expect(ContentText.nonBlank(blank) == nil, "\(Array(blank.unicodeScalars))")
        }
        for text in ["x", "  \n a", "\u{200B}·"] {
            #expect(ContentText.nonBlank(text) == text)
        }
    }

    @Test func linesSplitAtEveryNewlineKeepingCarriageReturnsAndTheByteOrderMark() {
        let text = "\u{FEFF}---\r\ntitle: é\u{301}\r\n\n---\nbody"
        let lines = TextLines(text)
        #expect(lines.byteOrderMark == "\u{FEFF}")
        #expect(lines.lines == ["---\r", "title: é\u{301}\r", "", "---", "body"])
        #expect(Array(lines.joined().utf8) == Array(text.utf8))
    }

    @Test func theBodyLosesTrailingWhitespaceOnly() throws {
        let split = try FrontMatter.split(TextLines("---\nx: 1\n---\n\n\nFirst line\n\nlast \u{3000}\n \t\n")).get()
        #expect(split.body == "First line\n\nlast")
    }

    @Test func paddedNumbersAreZeroPaddedDigitsAfterTheSign() {
        for value in [0, 1, 7, 9, 10, 42, 99, 100, 999, 1_000, 2_026, 123_456_789, Int.max, -1, -7, -42, -100, Int.min] {
            for width in 0...21 {
                // The width counts digits only (a sign comes in front), unlike printf's `%0*ld`.
                let digits = String(value.magnitude)
                let expected = (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
                #expect(DecimalText.padded(value, width: width) == expected, "\(value) \(width)")
                var bytes = Array("x".utf8)
                DecimalText.appendPadded(value.magnitude, width: width, to: &bytes)
                #expect(bytes == Array(("x" + expected.drop { $0 == "-" }).utf8), "\(value) \(width) as bytes")
            }
        }
        #expect(DecimalText.padded(7, width: 3) == "007" && DecimalText.padded(-7, width: 2) == "-07")
    }

    @Test func fixedDecimalsWrittenByteByByteMatchTheStringFormat() {
        // The format as it was built from strings before it wrote bytes.
        func reference(_ value: Double, _ decimals: Int) -> String {
            var scale = 1
            for _ in 0..<decimals { scale *= 10 }
            let scaled = Int((value.magnitude * Double(scale)).rounded())
            let sign = value < 0 && scaled != 0 ? "-" : ""
            let whole = String(scaled / scale)
            return decimals == 0 ? sign + whole : sign + whole + "." + String(repeating: "0", count: decimals - String(scaled % scale).count) + String(scaled % scale)
        }
        var values: [Double] = [0, -0.0, 0.5, -0.5, 0.004, -0.004, 0.005, 99.995, 99.9949, 100, 1e12, -1e12, 123_456.789]
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append((Double(state >> 11) / Double(1 << 53) - 0.3) * pow(10, Double(state % 9)))
        }
        for value in values {
            for decimals in 0...4 {
                #expect(DecimalText.fixed(value, decimals: decimals) == reference(value, decimals), "\(value) \(decimals)")
            }
        }
        #expect(DecimalText.fixed(99.5, decimals: 2) == "99.50" && DecimalText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(DecimalText.fixed(.infinity, decimals: 1) == "inf" && DecimalText.fixed(.nan, decimals: 1) == "nan")
    }

    @Test func coordinatesWrittenByteByByteMatchTheStringFormat() {
        // The format as it was built from strings before it wrote bytes.
        func reference(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : DecimalText.fixed(rounded, decimals: 1)
        }
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.95, 56, 712, 208, -3.25, 1e13, -1e13, 99.99, 120.45]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append((Double(state >> 11) / Double(1 << 53) - 0.3) * pow(10, Double(state % 7)))
        }
        for value in values {
            #expect(NumberFormat.coordinate(value) == reference(value), "\(value)")
        }
        #expect(NumberFormat.coordinate(.infinity) == "0" && NumberFormat.coordinate(.nan) == "0" && NumberFormat.coordinate(1e300) == "0")
    }

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

    @Test func svgPathDataSeparatesCommandsWithOneSpace() {
        var path = SVGPathData()
        path.move(56, 208)
        path.line(60.54, -3.25)
        path.line(0.04, 1e300)
        path.close()
        #expect(path.text == "M56 208 L60.5 -3.3 L0 0 Z")
        #expect(SVGPathData().text.isEmpty)
    }

    @Test func linksSkipEncodingOnlyWhenNothingNeedsIt() {
        let context = RenderContext(model: SiteFixture.model())
        #expect(context.href("incidents/db-outage.html", root: "../") == "../incidents/db-outage.html")
        #expect(context.href("a b/ü?#.html", root: "") == "a%20b/%C3%BC%3F%23.html")
        #expect(context.href("x/y%z", root: "./") == "./x/y%25z")
    }

    @Test func timestampsWrittenByteByByteMatchTheFieldByFieldFormat() {
        var instants: [Int64] = [0, -1, 59, 86_399, 86_400, 951_782_400, 1_795_132_800, 253_402_300_799, -62_135_596_800]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(Int64(bitPattern: state >> 1) % 253_402_300_799)
        }
        for seconds in instants {
            let civil = CivilTime(unixSeconds: seconds)
            let general = "\(civil.date(separator: "-"))T\(civil.clock(separator: ":"))"
            #expect(civil.iso(milliseconds: nil) == general + "Z", "\(seconds)")
            #expect(civil.iso(milliseconds: 7) == general + ".007Z", "\(seconds)")
        }
        #expect(Timestamp.json(Date(timeIntervalSince1970: 1_795_132_800.25)) == "2026-11-20T00:00:00.250Z")
        #expect(Timestamp.seconds(Date(timeIntervalSince1970: 1_795_132_800.25)) == "2026-11-20T00:00:00Z")
        // Outside 0...9999 the general format answers.
        #expect(CivilTime(unixSeconds: 253_402_300_800).iso(milliseconds: nil) == nil)
        #expect(Timestamp.seconds(Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01T00:00:00Z")
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
