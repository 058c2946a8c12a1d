import Foundation
import Testing
@testable import SitrepKit

/// What a public check shows of its URL: the text as written, with passwords, lone user names (often tokens)
/// and query and fragment values masked.
@Suite("Masked check URLs")
struct MaskedURLTests {
    @Test(arguments: [
        ("https://api.acme.dev/health", "https://api.acme.dev/health"),
        ("https://user:pass@host/path?token=abc", "https://user:***@host/path?token=***"),
        ("https://ghp_token@github.com/x", "https://***@github.com/x"),
        ("https://h/p?a=1&b=&c&d=2", "https://h/p?a=***&b=&c&d=***"),
        ("https://h/p?key=${API_KEY}#frag=1", "https://h/p?key=***#frag=***"),
        ("https://u:${PASSWORD}@[::1]:8443/p@x", "https://u:***@[::1]:8443/p@x"),
        ("http://h?x=a=b", "http://h?x=***"),
        ("not a url", "not a url"),
    ])
    func masks(_ written: String, _ shown: String) {
        #expect(MaskedURL.masked(written) == shown)
    }

    @Test func theConfigKeepsTheMaskedFormOnly() throws {
        let collector = DiagnosticCollector(path: "sitrep.yml")
        let (config, problems) = ConfigLoader.parse("""
            site: {title: T, url: "https://status.test"}
            components:
              - id: api
                name: API
                checks: [{id: h, type: http, public: true, url: "https://u:${PW}@api.test/h?k=${KEY}"}]
            """, configFile: URL(fileURLWithPath: "/srv/status/sitrep.yml"),
            environment: ["PW": "hunter22", "KEY": "s3cr3t"], collector: collector)
        #expect(problems.isEmpty, "\(problems)")
        let check = try #require(config?.components.first?.checks.first)
        #expect(check.displayTarget == "https://u:***@api.test/h?k=***")
        guard case .http(let http) = check.target else { Issue.record("not http"); return }
        #expect(http.url == "https://u:hunter22@api.test/h?k=s3cr3t")
    }
}
