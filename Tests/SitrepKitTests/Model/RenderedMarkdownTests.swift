import Foundation
import Testing
@testable import SitrepKit

/// The content's Markdown rendered ahead of the model (`RenderedMarkdown`) gives the model exactly what
/// rendering each text on demand gives.
@Suite("Model: Markdown rendered ahead")
struct RenderedMarkdownTests {
    static func content() -> SiteContent {
        var incident = Fixture.incident("db", impact: .major, start: Fixture.at("2026-11-20T09:00:00Z"),
                                        resolved: Fixture.at("2026-11-20T10:00:00Z"))
        incident = Incident(id: incident.id, title: incident.title, impact: incident.impact, components: incident.components,
                            updates: incident.updates + [IncidentUpdate(at: Fixture.at("2026-11-20T08:59:00Z"), status: .investigating,
                                                                        message: "**Bold**, [a link](https://x.example), <b>raw</b>")],
                            body: "## Root cause\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[bad](javascript:alert(1))")
        let window = Maintenance(
            id: "upgrade", title: "Upgrade", components: [ComponentReference(id: "api")],
            scheduledFor: Fixture.at("2026-11-21T01:00:00Z"), scheduledUntil: Fixture.at("2026-11-21T02:00:00Z"),
            updates: [MaintenanceUpdate(at: Fixture.at("2026-11-19T12:00:00Z"), status: .scheduled, message: "- [ ] step one\n- [x] ~~old~~")],
            body: "Fixed.")
        return SiteContent(incidents: [incident], maintenance: [window])
    }

    @Test func modelIsTheSameWithTextsRenderedAheadOrOnDemand() {
        let content = Self.content()
        let onDemand = SiteModelBuilder.build(config: Fixture.config(), snapshot: Fixture.snapshot(), content: content, now: Fixture.now)
        let ahead = SiteModelBuilder.build(config: Fixture.config(), snapshot: Fixture.snapshot(), content: content, now: Fixture.now,
                                           markdown: .of(content))
        #expect(ahead.incidents == onDemand.incidents)
        #expect(ahead.maintenance == onDemand.maintenance)
        // The texts really went through Markdown (a table, a dropped unsafe link, raw HTML omitted).
        let body = onDemand.incidents.first?.bodyHTML ?? ""
        #expect(body.contains("<table>") && !body.contains("javascript:"))
        #expect(onDemand.incidents.first?.updates.last?.messageHTML.contains("<b>raw</b>") == false)
    }

    @Test func theModelTakesTheRenderedTextsItIsGiven() {
        let content = Self.content()
        let planted = RenderedMarkdown(html: ["Fixed.": "<p>planted</p>"])
        let model = SiteModelBuilder.build(config: Fixture.config(), snapshot: Fixture.snapshot(), content: content, now: Fixture.now,
                                           markdown: planted)
        // "Fixed." is both the incident's resolving message and the window's body: both take the planted text;
        // texts it lacks are rendered.
        #expect(model.incidents.first?.updates.first?.messageHTML == "<p>planted</p>")
        #expect(model.maintenance.first?.bodyHTML == "<p>planted</p>")
        #expect(model.incidents.first?.updates.last?.messageHTML.contains("<strong>Bold</strong>") == true)
    }

    /// cmark-gfm switches its special inline characters (`~`, `@`, `w`) on and off around every inline parse;
    /// texts rendered on several threads at once must still all get strikethrough and autolinks.
    @Test func textsRenderedOnManyThreadsAtOnceKeepStrikethroughAndAutolinks() {
        // Long texts full of both, between short ones whose parses end (and switch the characters off) often.
        let long = String(repeating: "~~old~~ at www.example.com or ops@example.com, ", count: 200)
        let texts = (0..<400).map { $0 % 2 == 0 ? "Item \($0): " + long : "Item \($0)." }
        let expected = texts.map { Markdown.html($0) }
        #expect(expected[0].components(separatedBy: "<del>old</del>").count == 201)
        #expect(expected[0].components(separatedBy: "href=\"http://www.example.com\"").count == 201)
        #expect(expected[0].components(separatedBy: "mailto:ops@example.com").count == 201)
        for _ in 0..<5 {
            let rendered = WorkQueue.map(count: texts.count, workers: 8) { Markdown.html(texts[$0]) }
            let differing = texts.indices.filter { rendered[$0] != expected[$0] }
            #expect(differing.isEmpty, "texts rendered differently on many threads: \(differing.prefix(10))")
        }
    }
}
