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
            }
        }
        #expect(DecimalText.padded(7, width: 3) == "007" && DecimalText.padded(-7, width: 2) == "-07")
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
}
