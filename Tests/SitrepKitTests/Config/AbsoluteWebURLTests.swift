import Foundation
import Testing
@testable import SitrepKit

@Suite("An absolute http(s) URL in the config")
struct AbsoluteWebURLTests {
    @Test(arguments: [
        "http://127.0.0.1:8080/e/1", "https://status.example.com", "HTTPS://API.example.com/v1/health?full=1#top",
        "http://a", "https://x-y.example:443/", "http://h/p;q=1/@:!$&'()*+,=~_.-?a=/b?c#f/?:@", "http://h?x", "http://h#",
        "http://10.0.0.1:65535",
    ])
    func commonURLsAreAnsweredWithoutTheParser(url: String) {
        #expect(AbsoluteWebURL.quickVerdict(url) == true)
        #expect(AbsoluteWebURL.parsedVerdict(url))
    }

    @Test(arguments: [
        "http://h:65536", "http://h:", "http://h:123456", "http://a b", "http://h/%20", "http://h/#a#b", "http://user@h",
        "http://[::1]:80/", "http://h_1", "http:/h", "ftp://h", "http://", "https://-h", "http://h/ü", "http://h/a b",
        "http://h\\x", "mailto:a@b", "",
    ])
    func anythingUnusualIsLeftToTheParser(url: String) {
        #expect(AbsoluteWebURL.quickVerdict(url) == nil)
    }

    @Test(arguments: [
        ("http://[::1]:80/", true), ("http://user@h/x", true), ("http://h/%20", true), ("ftp://h", false), ("http://", false),
        ("http:/h", false), ("mailto:a@b", false), ("example.com", false), ("http://a b", false),
    ])
    func theAnswerIsTheParsersWhereTheScanIsUnsure(url: String, expected: Bool) {
        #expect(AbsoluteWebURL.isValid(url) == expected)
        #expect(AbsoluteWebURL.parsedVerdict(url) == expected)
    }

    /// Strings built from pieces of URLs and odd characters: wherever the scan answers, the parser agrees.
    @Test func theScanNeverContradictsTheParser() {
        // Mostly what the scan accepts, so that both of its answers are compared often.
        let schemes = ["http", "https", "HTTP", "hTtPs", "http", "https", "http:", "htt", "httpx", "ftp", ""]
        let separators = ["://", "://", "://", "://", ":/", ":///", "//", ""]
        let hosts = ["h", "example.com", "127.0.0.1", "a-b.c", "a..b", "h", "-a", ".a", "x_y", "", "ü.de", "[::1]", "a b", "u@h"]
        let ports = ["", "", "", ":0", ":80", ":65535", ":", ":65536", ":99999", ":123456", ":8a"]
        let alphabet = Array("aZ09-._~!$&'()*+,;=:@/?#aZ09-._~!$&'()*+,;=:@/?#% []{}|\\^`\"<>ü\u{7f}\t")
        var generator = SeededGenerator(state: 0x5EED)
        var answeredQuickly = 0
        for _ in 0..<50_000 {
            var url = schemes.randomElement(using: &generator)! + separators.randomElement(using: &generator)!
                + hosts.randomElement(using: &generator)! + ports.randomElement(using: &generator)!
                + ["/", "/", "?", "#", ""].randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 0...8, using: &generator) { url.append(alphabet.randomElement(using: &generator)!) }
            if let quick = AbsoluteWebURL.quickVerdict(url) {
                answeredQuickly += 1
                #expect(quick == AbsoluteWebURL.parsedVerdict(url), "\(url)")
            }
        }
        // The comparison covered the fast path, not only the fallback.
        #expect(answeredQuickly > 500)
    }
}
