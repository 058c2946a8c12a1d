import Foundation
import Mustache
import Testing
@testable import SitrepKit

/// Views that answer template lookups themselves must answer for every stored property, exactly as the
/// reflection they replace would; the tree built for the other views must hide empty optionals.
@Suite("Render: template lookups")
struct TemplateTreeTests {
    static let time = TimeView(iso: "2026-11-20T09:12:00Z", text: "20 Nov 2026, 10:12 GMT+1", day: "20 Nov 2026")
    static let bar = BarView(x: "5", width: "3", key: "operational", title: "2026-11-20: 100% uptime")

    static var views: [(String, any MustacheParent)] {
        [
            ("BarView", bar),
            ("TimeView", time),
            ("StatusView", StatusView(.partialOutage)),
            ("ChartRow", ChartRow(time: time, dns: "1 ms", connect: "2 ms", tls: "3 ms", ttfb: "4 ms", total: "5 ms")),
        ]
    }

    @Test func everyStoredPropertyIsAnsweredWithItsValue() {
        for (name, view) in Self.views {
            let mirror = Mirror(reflecting: view)
            #expect(mirror.children.count > 0, "\(name)")
            for child in mirror.children {
                let label = child.label ?? "?"
                let answer = view.child(named: label)
                #expect(answer != nil, "\(name).\(label) is not answered")
                #expect(answer.map { String(describing: $0) } == String(describing: child.value), "\(name).\(label)")
            }
            #expect(view.child(named: "noSuchField") == nil, "\(name)")
        }
    }

    @Test func dailyBarsAnswerEveryStoredProperty() throws {
        let site = SiteFixture.model()
        let component = try #require(site.components.first)
        let view = DailyBarsView(component: component, context: RenderContext(model: site))
        for child in Mirror(reflecting: view).children {
            let label = try #require(child.label)
            #expect(view.child(named: label) != nil, "DailyBarsView.\(label) is not answered")
        }
    }

    struct Sample {
        var title: String
        var note: String?
        var missing: String?
        var count: Int
        var rows: [Sample]
    }

    @Test func anEmptyOptionalFallsThroughToTheEnclosingValueAsWithReflection() throws {
        let inner = Sample(title: "inner", note: nil, missing: nil, count: 2, rows: [])
        let outer = Sample(title: "outer", note: "from outer", missing: nil, count: 1, rows: [inner])
        let template = try MustacheTemplate(string: "{{#rows}}{{title}}/{{note}}/{{missing}}/{{count}}{{/rows}}")
        let reflected = template.render(outer)
        #expect(reflected == "inner/from outer//2")
        #expect(template.render(TemplateTree.make(outer)) == reflected)
    }
}
