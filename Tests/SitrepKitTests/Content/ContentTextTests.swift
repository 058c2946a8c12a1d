import Foundation
import Testing
@testable import SitrepKit

/// The content text helpers give what the general code gave.
@Suite struct ContentTextTests {
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

    @Test func theFrontMatterIsFoundOnTheLinesTextLinesSplits() throws {
        let crlf = try FrontMatter.split("\u{FEFF}---\r\ntitle: x\r\n---\r\n\r\nBody\r\n").get()
        #expect((crlf.yaml, crlf.closingIndex, crlf.body, crlf.bodyLine) == ("title: x\r", 2, "Body", 5))
        let bare = try FrontMatter.split("---\n---").get()
        #expect((bare.yaml, bare.closingIndex, bare.body, bare.bodyLine) == ("", 1, "", 3))
        let spaced = try FrontMatter.split("---  \nx: 1\ny: 2\n--- \t\n").get()
        #expect((spaced.yaml, spaced.closingIndex, spaced.body, spaced.bodyLine) == ("x: 1\ny: 2", 3, "", 6))
        #expect(throws: FrontMatter.Problem.self) { try FrontMatter.split("---\nx: 1\n").get() }
        #expect(throws: FrontMatter.Problem.self) { try FrontMatter.split("x\n---\n---\n").get() }
    }

    @Test func theBodyLosesTrailingWhitespaceOnly() throws {
        let split = try FrontMatter.split("---\nx: 1\n---\n\n\nFirst line\n\nlast \u{3000}\n \t\n").get()
        #expect(split.body == "First line\n\nlast")
    }
}
