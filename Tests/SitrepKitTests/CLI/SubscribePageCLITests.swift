import Foundation
import Testing

/// `notifications.signup_url` from a real `sitrep.yml` reaches `site/subscribe.html` through `sitrep build`.
@Suite struct SubscribePageCLITests {
    @Test func signupURLFromTheConfigIsOnTheBuiltSubscribePage() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig + """

        notifications:
          signup_url: "mailto:join@fixture.test?subject=subscribe"
        """)
        defer { site.remove() }
        let build = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        let page = try site.read("site/subscribe.html")
        #expect(page.contains("href=\"mailto:join@fixture.test?subject=subscribe\""))
        #expect(page.contains("href=\"components/api.rss\"") && page.contains("href=\"maintenance.ics\""))
        #expect(try site.read("site/index.html").contains("<a href=\"subscribe.html\">Subscribe</a>"))
    }

    @Test func aScriptSignupURLIsRefusedWithItsLine() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig + """

        notifications:
          signup_url: "javascript:alert(1)"
        """)
        defer { site.remove() }
        let check = try site.run("check")
        #expect(check.status != 0)
        #expect(check.stderr.contains("sitrep.yml:23:"), "\(check.stderr)")
        #expect(check.stderr.contains("'notifications.signup_url' must be a mailto:, http:// or https:// URL"))
    }
}
