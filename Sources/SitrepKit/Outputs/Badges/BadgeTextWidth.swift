/// Estimated width in pixels of text in 11 px Verdana, from character classes (no font metrics at build time).
enum BadgeTextWidth {
    static func of(_ text: String) -> Int {
        var width = 0.0
        for character in text {
            width += advance(character)
        }
        return Int(width.rounded(.up))
    }

    private static func advance(_ character: Character) -> Double {
        switch character {
        case "i", "l", "I", "j", "'", "|", ".", ",", ":", ";", "!": 3.5
        case "f", "t", "r", " ", "(", ")", "[", "]", "-", "/": 4.5
        case "m", "w", "M", "W", "%", "@": 10.5
        case "A"..."Z": 7.8
        case "0"..."9": 7.0
        case "a"..."z": 6.8
        default: character.isASCII ? 7.0 : 10.0
        }
    }
}
