/// How a public check's URL is shown: as written in the config, with what commonly carries a credential
/// masked as `***`. A password (`user:***@host`); a user name standing alone (`***@host`: often a token);
/// every query value (`?token=***&page=***`, keys kept); fragment values likewise. Works on the text as
/// written, so `${VAR}` placeholders and URLs Foundation would not parse are masked the same way.
enum MaskedURL {
    static let mask = "***"

    static func masked(_ url: String) -> String {
        // Nothing to mask without a user-info, a query or a fragment (most URLs): the text as it is.
        guard url.containsUTF8Byte(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) else {
            return url
        }
        var rest = Substring(url)
        var result = ""
        if let scheme = rest.range(of: "://") {
            result += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                result += String(userInfo[..<colon]) + ":" + mask
            } else {
                result += mask
            }
            result += authority[at...]
        } else {
            result += authority
        }
        rest = rest[authorityEnd...]
        let queryStart = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        result += rest[..<queryStart]
        rest = rest[queryStart...]
        // `?query` then `#fragment`, each a list of key=value pairs.
        while let marker = rest.first {
            let end = rest.dropFirst().firstIndex { marker == "?" && $0 == "#" } ?? rest.endIndex
            result.append(marker)
            result += rest[rest.index(after: rest.startIndex)..<end].split(separator: "&", omittingEmptySubsequences: false)
                .map(maskedPair).joined(separator: "&")
            rest = rest[end...]
        }
        return result
    }

    /// `key=***` (an empty value stays empty); a bare key stays.
    private static func maskedPair(_ pair: Substring) -> String {
        guard let equals = pair.firstIndex(of: "="), pair.index(after: equals) < pair.endIndex else { return String(pair) }
        return String(pair[...equals]) + mask
    }
}
