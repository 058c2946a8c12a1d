import Foundation
import Testing
@testable import SitrepKit

/// Pages filled in from recorded shapes (`PageShapes`) must be byte for byte what swift-mustache renders alone
/// (`SITREP_RENDER=mustache`). The shape recorder mirrors swift-mustache 2.1's rules, so this suite is what has to
/// pass before `Package.swift`'s pin on swift-mustache moves.
@Suite("Render: shapes against swift-mustache alone")
struct HTMLRendererEquivalenceTests {
    /// The fixture site repeated eight times over (40 components with charts, 24 incidents, 24 maintenance
    /// windows), so that every page template and the chart rows are rendered often enough to be filled in.
    static func largeModel() -> SiteModel {
        var model = SiteFixture.model()
        let base = model
        model.components = []
        model.incidents = []
        model.maintenance = []
        for copy in 0..<8 {
            let suffix = copy == 0 ? "" : "-\(copy)"
            model.components += base.components.map { component in
                var component = component
                component.id += suffix
                component.incidentIDs = component.incidentIDs.map { $0 + suffix }
                component.maintenanceIDs = component.maintenanceIDs.map { $0 + suffix }
                return component
            }
            model.incidents += base.incidents.map { incident in
                var incident = incident
                incident.id += suffix
                return incident
            }
            model.maintenance += base.maintenance.map { window in
                var window = window
                window.id += suffix
                return window
            }
        }
        return model
    }

    @Test func shapesAndSwiftMustacheAloneRenderTheSameSite() throws {
        let templates = try TemplateSet(directory: SiteFixture.templates)
        let model = Self.largeModel()
        let shaped = try HTMLRenderer(templates: templates, mode: .shapes).render(model)
        let plain = try HTMLRenderer(templates: templates, mode: .mustacheOnly).render(model)
        #expect(plain.count == 1 + 40 + 24 + 24 + 1 + model.olderHistoryByYear.count + 1 + 1)  // + subscribe.html, style.css
        #expect(shaped.keys.sorted() == plain.keys.sorted())
        for (path, bytes) in plain.sorted(by: { $0.key < $1.key }) {
            #expect(shaped[path] == bytes, "\(path) differs between the two ways of rendering")
        }
        let context = RenderContext(model: model, strings: templates.strings)
        #expect(model.components.flatMap(\.checks).contains { ResponseChartView(check: $0, context: context) != nil },
                "the fixture has response-time charts, whose rows are filled in")
    }

    @Test func theShapesOfThisSiteAreUsed() throws {
        // The comparison above means something only if shapes fill pages of this site in: one worker's shapes
        // over its component pages, as a worker of the renderer meets them.
        let templates = try TemplateSet(directory: SiteFixture.templates)
        let model = Self.largeModel()
        let context = RenderContext(model: model, strings: templates.strings)
        let shapes = PageShapes()
        for component in model.components {
            _ = shapes.render(ComponentPage(component, context: context), template: "pages/component", library: templates.library)
        }
        #expect(shapes.filled > model.components.count / 2)
        let plain = PageShapes(mode: .mustacheOnly)
        for component in model.components {
            _ = plain.render(ComponentPage(component, context: context), template: "pages/component", library: templates.library)
        }
        #expect(plain.filled == 0)
    }

    @Test func theSwitchIsReadFromTheEnvironment() {
        #expect(HTMLRenderer.Mode.from(environment: ["SITREP_RENDER": "mustache"]) == .mustacheOnly)
        #expect(HTMLRenderer.Mode.from(environment: [:]) == .shapes)
        #expect(HTMLRenderer.Mode.from(environment: ["SITREP_RENDER": "other"]) == .shapes)
    }

    /// The built binary, as a user runs it with and without the switch: the same site, byte for byte.
    @Test func theBinaryBuildsTheSameSiteWithTheSwitchOnAndOff() throws {
        var config = CLITests.offlineConfig
        for index in 0..<6 {
            config += "\n  - {id: extra-\(index), name: Extra \(index), group: core}"
        }
        let site = try FixtureSite(config: config)
        defer { site.remove() }
        for index in 0..<8 {
            try site.write("content/incidents/2026-11-1\(index)-outage.md", """
            ---
            title: Outage number \(index) <b>bold</b>
            impact: \(["minor", "major", "critical", "none"][index % 4])
            components: [api, extra-\(index % 6)]
            updates:
              - {at: 2026-11-1\(index)T10:00:00Z, status: resolved, message: "Fixed **it** \(index)."}
              - {at: 2026-11-1\(index)T09:00:00Z, status: investigating, message: Looking.}
            ---
            Postmortem \(index).
            """)
        }
        let shaped = try site.run("build", "--now", "2026-11-20T12:00:00Z", "--config", "sitrep.yml")
        #expect(shaped.status == 0, "\(shaped.stderr)")
        let shapedTree = try site.tree("site")
        let plain = try site.run("build", "--now", "2026-11-20T12:00:00Z", environment: ["SITREP_RENDER": "mustache"])
        #expect(plain.status == 0, "\(plain.stderr)")
        // The second build renders everything again (the build stamp is removed first) and must change nothing.
        #expect(shapedTree.count > 20)
        #expect(try site.tree("site") == shapedTree)
    }
}
