/// Estimated width in pixels of text in 11 px Verdana, from character classes (no font metrics at build time).
enum BadgeTextWidth {
    static func of(_ text: String) -> Int {
        var width = 0.0
        for character in text {
            width += advance(character)
        }
        return Int(width.rounded(.up))
    }

    /// By the character's ASCII byte (comparing `Character`s goes through string comparison, for every
    /// character of 1,000 badges); any other character is wide.
    private static func advance(_ character: Character) -> Double {
        guard let byte = character.asciiValue else { return 10.0 }
        switch Unicode.Scalar(byte) {
        case "i", "l", "I", "j", "'", "|", ".", ",", ":", ";", "!": return 3.5
        case "f", "t", "r", " ", "(", ")", "[", "]", "-", "/": return 4.5
        case "m", "w", "M", "W", "%", "@": return 10.5
        case "A"..."Z": return 7.8
        case "0"..."9": return 7.0
        case "a"..."z": return 6.8
        default: return 7.0
        }
    }
}
