/// `site.lang`: the page's `<html lang>`, a BCP 47 language tag in its common form: a 2–3 letter language,
/// then optionally a 4-letter script, a 2-letter or 3-digit region and variants (`en`, `de-CH`, `zh-Hant-TW`,
/// `es-419`, `sl-rozaj`). Checked so that a typo (`english`, `en_US`) cannot reach screen readers.
enum LanguageTag {
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(isLetter) else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.allSatisfy(isLetter) { rest = rest.dropFirst() }
        if let region = rest.first,
           (region.count == 2 && region.allSatisfy(isLetter)) || (region.count == 3 && region.allSatisfy(isDigit)) {
            rest = rest.dropFirst()
        }
        return rest.allSatisfy { variant in
            variant.allSatisfy { isLetter($0) || isDigit($0) }
                && ((5...8).contains(variant.count) || (variant.count == 4 && variant.first.map(isDigit) == true))
        }
    }

    private static func isLetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }
}
