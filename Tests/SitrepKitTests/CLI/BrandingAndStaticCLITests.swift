import Foundation
import Testing

/// `site.logo`, `site.favicon`, `site.colors`, `site.lang` and the `static/` folder, end to end through the
/// built binary.
@Suite("branding and static files", .serialized)
struct BrandingAndStaticCLITests {
    static let now = "2026-11-23T12:00:00Z"

    static let brandedConfig = CLITests.offlineConfig.replacingOccurrences(of: "  refresh_seconds: 0\n", with: """
      refresh_seconds: 0
      lang: de-CH
      logo: static/img/logo.svg
      favicon: https://cdn.example.com/favicon.png
      colors: {accent: "#8250df", accent_dark: "#d2a8ff"}

    """)

    static let logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n"

    @Test func brandingReachesEveryPageAndStaticFilesAreCopiedAsTheyAre() throws {
        let site = try FixtureSite(config: Self.brandedConfig, withTheme: false)
        defer { site.remove() }
        try site.write("static/img/logo.svg", Self.logo)
        try site.write("static/robots.txt", "User-agent: *\nAllow: /\n")
        try site.write("static/CNAME", "status.fixture.test\n")
        try site.write("static/.well-known/security.txt", "Contact: mailto:security@fixture.test\n")

        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try site.run("probe").status == 0)
        let build = try site.run("build", "--now", Self.now)
        #expect(build.status == 0, "\(build.stderr)")
        for path in ["img/logo.svg", "robots.txt", "CNAME", ".well-known/security.txt"] {
            #expect(try site.read("site/\(path)") == (try site.read("static/\(path)")), "\(path)")
        }
        let index = try site.read("site/index.html")
        #expect(index.contains("<html lang=\"de-CH\">"))
        #expect(index.contains("<img class=\"brand-logo\" src=\"img/logo.svg\" alt=\"\">Fixture Status</a>"), "\(index.prefix(3000))")
        #expect(index.contains("<link rel=\"icon\" href=\"https://cdn.example.com/favicon.png\">"))
        #expect(index.contains("@media (prefers-color-scheme: light) { :root { --link: #8250df; --accent: #8250df; } }"))
        #expect(index.contains("@media (prefers-color-scheme: dark) { :root { --link: #d2a8ff; --accent: #d2a8ff; } }"))
        // One folder down, the logo is linked relative to it.
        #expect(try site.read("site/components/api.html").contains("src=\"../img/logo.svg\""))

        // Unchanged static files: nothing to do; a changed one is published with its new bytes.
        #expect(try site.run("build", "--now", Self.now).stdout.hasPrefix("Up to date"))
        try site.write("static/robots.txt", "User-agent: *\nDisallow: /\n")
        #expect(try site.run("build", "--now", Self.now).stdout.hasPrefix("Built"))
        #expect(try site.read("site/robots.txt").contains("Disallow"))
    }

    @Test func aSiteWithoutBrandingKeepsTheDefaults() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        defer { site.remove() }
        #expect(try site.run("build", "--now", Self.now).status == 0)
        let index = try site.read("site/index.html")
        #expect(index.contains("<html lang=\"en\">"))
        #expect(index.contains("<link rel=\"icon\" href=\"data:,\">"))
        #expect(!index.contains("brand-logo"))
    }

    @Test func badBrandingValuesAreNamedWithTheirLine() throws {
        let config = CLITests.offlineConfig.replacingOccurrences(of: "  refresh_seconds: 0\n", with: """
          refresh_seconds: 0
          lang: en_US
          logo: ../logo.svg
          favicon: static/missing.ico
          colors:
            accent: blue
            accent_dark: "#0d1117"

        """)
        let site = try FixtureSite(config: config, withTheme: false)
        defer { site.remove() }
        let check = try site.run("check")
        #expect(check.status == 1)
        let lines = check.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("sitrep.yml:6:") && $0.contains("'site.lang' must be a BCP 47 language tag such as en, de-CH or pt-BR, not 'en_US'") },
                "\(check.stderr)")
        #expect(lines.contains { $0.hasPrefix("sitrep.yml:7:") && $0.contains("'site.logo' must be a file in the static folder (static/)") })
        #expect(lines.contains { $0.hasPrefix("sitrep.yml:8:") && $0.contains("'site.favicon' names static/missing.ico, which cannot be read") })
        #expect(lines.contains { $0.hasPrefix("sitrep.yml:10:") && $0.contains("'site.colors.accent' must be a CSS hex colour such as #0969da or #09d, not 'blue'") })
        #expect(lines.contains { $0.hasPrefix("sitrep.yml:11:") && $0.contains("'site.colors.accent_dark' #0d1117 has a contrast of 1.0:1 against the dark background #0d1117; links need at least 4.5:1") })
    }

    @Test func staticFilesThatCollideOrLeadOutsideAreRefused() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        defer { site.remove() }
        try site.write("static/index.html", "<p>mine</p>")
        try site.write("static/api/v2/status.json", "{}")
        try site.write("static/widget.js", "alert(1)")
        try site.write("secret.txt", "do not publish")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("static/leak.txt").path,
                                                   withDestinationPath: site.root.appendingPathComponent("secret.txt").path)
        let check = try site.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("static/index.html:1:1: this static file would be published as index.html, where sitrep writes its own pages"),
                "\(check.stderr)")
        #expect(check.stderr.contains("static/api/v2/status.json:1:1: this static file would be published as api/v2/status.json"))
        #expect(check.stderr.contains("static/widget.js:1:1: this static file would be published as widget.js, which the theme publishes"))
        #expect(check.stderr.contains("static/leak.txt:1:1: this static file is a symbolic link to"))
        #expect(check.stderr.contains("outside the static folder"))

        let build = try site.run("build", "--now", Self.now)
        #expect(build.status == 1)
        #expect(build.stderr.contains("static/leak.txt"))
        #expect(!site.exists("site/leak.txt") && !site.exists("site/index.html"), "nothing was published")
        // The output folder may not lie inside the static folder.
        let inside = try FixtureSite(config: CLITests.offlineConfig + "\npaths: {output: static/site}\n", withTheme: false)
        defer { inside.remove() }
        let refused = try inside.run("check")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is inside the static folder (paths.static)"), "\(refused.stderr)")
    }
}
