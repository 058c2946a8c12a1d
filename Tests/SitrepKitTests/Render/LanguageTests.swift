import Foundation
import Testing
@testable import SitrepKit

/// `site.language`: every word a reader sees comes from the theme's language file (`templates/i18n/`).
@Suite("Render: languages")
struct LanguageTests {
    static let languages = SiteFixture.templates.appendingPathComponent("i18n")

    static func file(_ language: String) throws -> LanguageFile {
        var problems: [Diagnostic] = []
        let file = LanguageFile.read(languages.appendingPathComponent("\(language).yml"), language: language, diagnostics: &problems)
        #expect(problems.isEmpty, "\(problems)")
        return try #require(file)
    }

    @Test func everyLanguageHasEveryEnglishKeyAndNoOther() throws {
        let english = try Self.file("en")
        #expect(english.entries.count > 100)
        let others = LanguageLoader.available(in: ThemeFolders(site: SiteFixture.templates)).filter { $0 != "en" }
        #expect(others.contains("de"))
        for language in others {
            let file = try Self.file(language)
            #expect(Set(file.entries.keys) == Set(english.entries.keys),
                    "\(language).yml lacks \(Set(english.entries.keys).subtracting(file.entries.keys).sorted()), has extra \(Set(file.entries.keys).subtracting(english.entries.keys).sorted())")
            for (key, entry) in english.entries {
                let placeholders = LanguageFile.placeholders(in: file.entries[key]?.text ?? "")
                #expect(placeholders.isSubset(of: LanguageFile.placeholders(in: entry.text)), "\(language).yml: \(key)")
            }
            #expect(TemplateSet.problems(in: ThemeFolders(site: SiteFixture.templates), language: language).isEmpty)
        }
    }

    /// Texts of English keys the German index shows, none of which may be left on it.
    static let indexKeys = ["nav.skip", "nav.history", "nav.subscribe", "common.last_updated", "footer.rss", "footer.powered",
                            "index.active_incidents", "index.posted", "index.legend_help", "index.past_incidents",
                            "index.history_link", "bars.today", "indicator.major", "status.operational",
                            "status.degraded_performance", "incident.identified", "impact.major", "uptime.hours_24",
                            "history.kind_incident", "history.ongoing", "bars.no_incidents"]

    @Test func aGermanSiteShowsNoEnglishWordAndWritesDatesAndNumbersTheGermanWay() throws {
        let english = try TemplateSet(directory: SiteFixture.templates).strings
        let templates = try TemplateSet(directory: SiteFixture.templates, language: "de")
        let model = SiteFixture.model()
        let pages = try HTMLRenderer(templates: templates).render(model)
        let englishPages = try HTMLRenderer(templates: TemplateSet(directory: SiteFixture.templates)).render(model)
        let index = String(decoding: try #require(pages["index.html"]), as: UTF8.self)
        let englishIndex = String(decoding: try #require(englishPages["index.html"]), as: UTF8.self)
        for key in Self.indexKeys {
            let word = HTMLEscaping.escape(english[key])
            #expect(englishIndex.contains(word), "the English index shows no '\(word)' (\(key)): the list is out of date")
            #expect(!index.contains(word), "the German index still says '\(word)' (\(key))")
            #expect(index.contains(HTMLEscaping.escape(templates.strings[key])), "the German index lacks its word for \(key)")
        }
        // Dates: `20. Nov. 2026, 10:12 UTC`; numbers: `99,95 %`, never `99.95%`.
        #expect(index.contains(">20. Nov. 2026, ") && !index.contains(" Nov 2026"), "no German date on the index")
        #expect(englishIndex.contains(">20 Nov 2026, "), "the English date is not what the German one is held to")
        // A day's details in the strip name the day in the language too.
        #expect(index.contains("<span class=\"day-tip\">20. Nov. 2026: ") && !index.contains("day-tip\">2026-"),
                "no German day in the strip's details")
        #expect(index.range(of: #"\d,\d\d %"#, options: .regularExpression) != nil, "no German percentage on the index")
        #expect(index.range(of: #"\d\.\d\d%"#, options: .regularExpression) == nil, "an English percentage is left on the index")
        let history = String(decoding: try #require(pages["history.html"]), as: UTF8.self)
        #expect(history.contains("<h2>November 2026</h2>") && history.contains(templates.strings["history.heading"]))
        for path in ["components/api.html", "history.html"] {
            let page = String(decoding: try #require(pages[path]), as: UTF8.self)
            for key in ["nav.history", "common.last_updated", "footer.powered"] {
                #expect(!page.contains(HTMLEscaping.escape(english[key])), "\(path) still says '\(english[key])'")
            }
        }
    }

    @Test func germanFeedsCalendarAndStatusDescriptionSpeakGerman() throws {
        let model = SiteFixture.model()
        let german = try TemplateSet(directory: SiteFixture.templates, language: "de").strings
        let files = MachineOutputs(strings: german).render(model)
        let english = MachineOutputs(strings: try SiteFixture.english()).render(model)
        func text(_ files: [String: Data], _ path: String) throws -> String { String(decoding: try #require(files[path]), as: UTF8.self) }
        let rss = try text(files, "history.rss")
        #expect(try text(english, "history.rss").contains("Impact:"))
        #expect(rss.contains("Auswirkung:") && !rss.contains("Impact:") && !rss.contains("incident history"))
        #expect(rss.contains("20. Nov. 2026"), "feed times are written the German way")
        let calendar = try text(files, "maintenance.ics")
        #expect(calendar.contains("Wartungsfenster von") && !calendar.contains("Maintenance windows of"))
        let component = try #require(model.components.first)
        let badge = try text(files, "badges/\(component.id)-uptime.svg")
        #expect(try text(english, "badges/\(component.id)-uptime.svg").contains(" uptime over 30 days: "))
        #expect(badge.contains(" Verfügbarkeit über 30 Tage: ") && !badge.contains(" uptime"))
        #expect(try text(files, "badges/\(component.id).svg").contains(german["badge.\(component.status.rawValue)"]))
        let status = try text(files, "api/v2/status.json")
        #expect(status.contains(german["indicator.\(model.indicator.rawValue)"]))
        #expect(try text(english, "api/v2/status.json").contains(model.indicator.description), "English keeps Statuspage's words")
    }

    @Test func theWidgetSpeaksTheLanguageOfItsSite() throws {
        func asset(_ language: String, _ path: String) throws -> String {
            let templates = try TemplateSet(directory: SiteFixture.templates, language: language)
            return String(decoding: try #require(templates.assets.first { $0.path == path }).data, as: UTF8.self)
        }
        let englishScript = try asset("en", "widget.js"), germanScript = try asset("de", "widget.js")
        #expect(englishScript.contains(#"show("unknown", "Status unavailable", "Status page");"#))
        #expect(germanScript.contains(#"show("unknown", "Status nicht verf\u00fcgbar", "Statusseite");"#)
                    || germanScript.contains(#"show("unknown", "Status nicht verfügbar", "Statusseite");"#), "\(germanScript)")
        let germanPage = try asset("de", "widget.html")
        #expect(germanPage.contains(#"<html lang="de">"#) && germanPage.contains(">Statusseite</a>"))
        for text in [englishScript, germanScript, germanPage] {
            #expect(!text.contains(TemplateTexts.opening), "a {{t.…}} tag was published")
        }
    }

    @Test func englishIsWhatItWas() throws {
        let strings = try TemplateSet(directory: SiteFixture.templates).strings
        #expect(strings.uptime(99.951) == "99.95%" && strings.uptime(100) == "100%" && strings.uptime(nil) == "No data")
        #expect(strings.duration(minutes: 135) == "2 h 15 min" && strings.duration(minutes: 4560) == "3 d 4 h")
        let german = try TemplateSet(directory: SiteFixture.templates, language: "de").strings
        #expect(german.uptime(99.951) == "99,95 %" && german.uptime(100) == "100 %")
        #expect(german.text("bars.incident", ["title": "{title} {x}"]) == "Störung: {title} {x}")
    }

    /// Placeholders are filled once, left as written when they have no value, and found between any characters.
    @Test func placeholdersAreFilledOnceAndUnknownOnesStay() {
        #expect(UIStrings.fill("{a} and {b}", ["a": "1", "b": "2"]) == "1 and 2")
        #expect(UIStrings.fill("{a}{a}", ["a": "{a}"]) == "{a}{a}")
        #expect(UIStrings.fill("x {nope} {a}", ["a": "é"]) == "x {nope} é")
        #expect(UIStrings.fill("ü{a", ["a": "1"]) == "ü{a" && UIStrings.fill("}{a}{", ["a": "1"]) == "}1{")
        #expect(UIStrings.fill("{a{b}", ["b": "2", "a{b": "3"]) == "3")
        #expect(UIStrings.fill("Störung: {title}", ["title": "Ünïcödé 🚧"]) == "Störung: Ünïcödé 🚧")
        #expect(UIStrings.fill("plain", [:]) == "plain" && UIStrings.fill("", ["a": "1"]) == "")
    }

    /// A site's theme overrides single keys; what it lacks is the default theme's, and what is wrong is named.
    @Test func aSiteOverridesSingleKeysAndItsMistakesAreNamedWithFileLineAndKey() throws {
        let scratch = try ScratchFolder("language")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("templates")
        let folder = site.appendingPathComponent("i18n")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let theme = ThemeFolders(site: site, defaultTheme: SiteFixture.templates)
        try Data("nav:\n  history: \"Chronik\"\n".utf8).write(to: folder.appendingPathComponent("de.yml"))
        let strings = try TemplateSet(theme: theme, language: "de").strings
        #expect(strings["nav.history"] == "Chronik")
        #expect(strings["nav.subscribe"] == "Abonnieren")

        try Data("nav:\n  history: \"Chronik\"\n  histroy: \"x\"\n  status: [a, b]\nbars:\n  uptime: \"{uptime} {percent}\"\n".utf8)
            .write(to: folder.appendingPathComponent("de.yml"))
        let problems = TemplateSet.problems(in: theme, language: "de")
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.path.hasSuffix("i18n/de.yml") && $0.line == 3 && $0.message.contains("'nav.histroy'") && $0.message.contains("did you mean 'nav.history'") })
        #expect(problems.contains { $0.line == 4 && $0.message.contains("'nav.status' must be a text") })
        #expect(problems.contains { $0.line == 6 && $0.message.contains("{percent}") })

        #expect(TemplateSet.problems(in: theme, language: "fr").contains { $0.message.contains("unknown language 'fr'") })

        try Data("<p>{{t.nav.histroy}}</p>\n".utf8).write(to: site.appendingPathComponent("extra.mustache"))
        try Data("nav:\n  history: \"Chronik\"\n".utf8).write(to: folder.appendingPathComponent("de.yml"))
        let unknown = TemplateSet.problems(in: theme, language: "de")
        #expect(unknown.count == 1 && unknown.first?.path.hasSuffix("extra.mustache") == true && unknown.first?.line == 1
                    && unknown.first?.column == 4 && unknown.first?.message.contains("did you mean 'nav.history'") == true, "\(unknown)")
    }

    @Test func siteLanguageAndLangChooseEachOther() throws {
        func site(_ lines: String) -> (SiteSettings?, [Diagnostic]) {
            let (config, problems) = ConfigLoader.parse("site:\n  title: T\n  url: https://status.example.com\n" + lines,
                                                        configFile: URL(fileURLWithPath: "/srv/status/sitrep.yml"),
                                                        environment: [DefaultTheme.environmentKey: SiteFixture.templates.path],
                                                        collector: DiagnosticCollector(path: "sitrep.yml"))
            return (config?.site, problems)
        }
        #expect(site("").0.map { [$0.lang, $0.language] } == ["en", "en"])
        #expect(site("  lang: de-CH\n").0.map { [$0.lang, $0.language] } == ["de-CH", "de"])
        #expect(site("  lang: pt-BR\n").0.map { [$0.lang, $0.language] } == ["pt-BR", "en"])
        #expect(site("  language: de\n").0.map { [$0.lang, $0.language] } == ["de", "de"])
        #expect(site("  language: de\n  lang: de-AT\n").0.map { [$0.lang, $0.language] } == ["de-AT", "de"])
        let (_, problems) = site("  language: fr\n")
        #expect(problems.count == 1 && problems.first?.line == 4 && problems.first?.message.contains("'site.language'") == true
                    && problems.first?.message.contains("de, en") == true, "\(problems)")
    }
}
