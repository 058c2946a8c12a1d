import Testing
@testable import SitrepKit

/// The badge's text width estimate, by character class, worked out by hand from its table: one `Character`
/// (a letter with a combining accent, CR LF) is one advance, and anything outside ASCII is wide.
@Suite struct BadgeTextWidthTests {
    @Test(arguments: [
        ("ill", 11),          // 3 × 3.5 = 10.5, rounded up
        ("API", 20),          // 7.8 + 7.8 + 3.5 = 19.1
        ("99.9%", 35),        // 7 + 7 + 3.5 + 7 + 10.5
        ("M_", 18),           // 10.5 + 7 (other ASCII) = 17.5
        ("é", 10),            // U+00E9: wide
        ("e\u{301}", 10),     // e and a combining acute: one character, wide
        ("a\r\nb", 21),       // 6.8 + 7 (CR LF, one ASCII character) + 6.8 = 20.6
        ("", 0),
    ])
    func widthIsTheSumOfTheCharactersAdvances(text: String, width: Int) {
        #expect(BadgeTextWidth.of(text) == width)
    }
}
