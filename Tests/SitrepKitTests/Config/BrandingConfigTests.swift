import Foundation
import Testing
@testable import SitrepKit

@Suite("site.lang and site.colors")
struct BrandingConfigTests {
    @Test(arguments: ["en", "de", "de-CH", "pt-BR", "zh-Hant-TW", "es-419", "sl-rozaj", "de-CH-1901", "gsw"])
    func languageTagsInCommonUseAreAccepted(tag: String) {
        #expect(LanguageTag.isValid(tag))
    }

    @Test(arguments: ["", "e", "english", "en_US", "en-", "-en", "en-US-", "de-CH-x", "en US", "\"><script>", "ënglish"])
    func anythingElseIsRefused(tag: String) {
        #expect(!LanguageTag.isValid(tag))
    }

    @Test func hexColoursAreParsedAndMeasured() throws {
        #expect(CSSColor("#09D")?.hex == "#0099dd")
        #expect(CSSColor("#0969da")?.hex == "#0969da")
        for bad in ["blue", "#12", "#12345", "#1234567", "#ggg", "0969da", "#0969da;}", "rgb(0,0,0)"] {
            #expect(CSSColor(bad) == nil, "\(bad)")
        }
        let black = try #require(CSSColor("#000"))
        let white = try #require(CSSColor("#fff"))
        #expect(abs(black.contrast(with: white) - 21) < 0.001)
        #expect(abs(white.contrast(with: white) - 1) < 0.001)
    }

    @Test func colorsAndLanguageReachTheSettings() throws {
        let collector = DiagnosticCollector(path: "sitrep.yml")
        let (config, problems) = ConfigLoader.parse("""
        site:
          title: T
          url: https://status.example.com
          lang: pt-BR
          logo: https://cdn.example.com/logo.svg
          colors: {accent: "#0550AE", accent_dark: "#6cb6ff"}
        """, configFile: URL(fileURLWithPath: "/srv/status/sitrep.yml"), environment: [:], collector: collector)
        #expect(problems.isEmpty, "\(problems)")
        let site = try #require(config?.site)
        #expect(site.lang == "pt-BR")
        #expect(site.branding.logo == .url("https://cdn.example.com/logo.svg"))
        #expect(site.branding.accent?.hex == "#0550ae")
        #expect(site.branding.accentDark?.hex == "#6cb6ff")
        #expect(config?.paths.staticFolder.path == "/srv/status/static")
    }

    @Test func aLightAccentIsRefusedWithItsContrast() {
        let collector = DiagnosticCollector(path: "sitrep.yml")
        let (_, problems) = ConfigLoader.parse("""
        site:
          title: T
          url: https://status.example.com
          colors:
            accent: "#ffcc00"
        """, configFile: URL(fileURLWithPath: "/srv/status/sitrep.yml"), environment: [:], collector: collector)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 5)
        #expect(problems.first?.message.hasPrefix("'site.colors.accent' #ffcc00 has a contrast of 1.") == true, "\(problems)")
        #expect(problems.first?.message.hasSuffix("against the light background #ffffff; links need at least 4.5:1 (WCAG AA)") == true)
    }
}
