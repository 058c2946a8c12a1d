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
}
