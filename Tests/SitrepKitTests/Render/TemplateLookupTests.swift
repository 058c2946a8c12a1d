import Foundation
import Mustache
import Testing
@testable import SitrepKit

/// Every page view answers template lookups itself (`PageView`, in an extension beside each view) instead of
/// through reflection.
/// These tests hold it to what reflection would answer, over every view of every page of the fixture site.
@Suite("Render: template lookups")
struct TemplateLookupTests {
    /// The views of every page of the fixture site (with their fragments rendered first, as the renderer does),
    /// and of every daily-bars strip (rendered apart, `ComponentFragments`).
    static func pageViews() throws -> [any MustacheParent] {
        let model = SiteFixture.model()
        let templates = try TemplateSet(directory: SiteFixture.templates)
        let context = RenderContext(model: model, strings: templates.strings,
                                    fragments: try ComponentFragments.render(model, with: templates.library, strings: templates.strings, mode: .shapes))
        var views: [any MustacheParent] = [IndexPage(context: context), HistoryPage.recent(context: context), SubscribePage(context: context)]
        views += model.components.map { ComponentPage($0, context: context) }
        views += model.incidents.map { IncidentPage($0, context: context) }
        views += model.maintenance.map { MaintenancePage($0, context: context) }
        views += model.olderHistoryByYear.map { HistoryPage.year($0, context: context) }
        views += model.components.map { DailyBarsView(component: $0, context: context) }
        // 90 days: the strips also carry what a phone shows.
        let long = ReaderBrowserTests.model()
        views += long.components.map { DailyBarsView(component: $0, context: RenderContext(model: long, strings: templates.strings)) }
        return views
    }

    /// Walks a view and everything below it; `check` sees each view with its stored properties.
    static func walk(_ value: Any, _ check: (any MustacheParent, Mirror) -> Void) {
        let mirror = Mirror(reflecting: value)
        if let view = value as? any MustacheParent, mirror.displayStyle == .struct { check(view, mirror) }
        for child in mirror.children { walk(child.value, check) }
    }

    @Test func everyStoredPropertyIsAnsweredAsReflectionWould() throws {
        var types: Set<String> = []
        var problems: [String] = []
        for page in try Self.pageViews() {
            Self.walk(page) { view, mirror in
                let type = String(describing: Swift.type(of: view))
                types.insert(type)
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    let reflected = Mirror(reflecting: child.value)
                    let isEmptyOptional = reflected.displayStyle == .optional && reflected.children.isEmpty
                    let answer = view.child(named: label)
                    if isEmptyOptional {
                        if answer != nil { problems.append("\(type).\(label) answers for an empty optional") }
                    } else if let answer {
                        let unwrapped = reflected.displayStyle == .optional ? reflected.children.first?.value ?? child.value : child.value
                        if String(describing: answer) != String(describing: unwrapped) {
                            problems.append("\(type).\(label) answers a different value")
                        }
                    } else {
                        problems.append("\(type).\(label) is not answered")
                    }
                }
                if view.child(named: "noSuchProperty") != nil { problems.append("\(type) answers an unknown name") }
            }
        }
        #expect(problems.isEmpty, "\(problems)")
        // The fixture reaches every view type, so none escapes the check above.
        let expected: Set<String> = [
            "AffectedRow", "AlternateLink", "BarView", "ChartArea", "ChartAxisLabel", "ChartGridline", "ChartLegendItem",
            "ChartRow", "CheckResponseView", "CheckRow", "ComponentDetail", "ComponentPage", "ComponentRow", "ComponentSection", "DailyBarsView",
            "HistoryPage", "HistoryRow", "IncidentCard", "LocationRow", "IncidentDetail", "IncidentPage", "IndexPage", "MaintenanceCard",
            "MaintenanceDetail", "MaintenancePage", "MonthGroup", "NarrowAxis", "PageChrome", "PastDay", "PercentileRow", "ResponseChartView",
            "SparklineView", "StatusView", "StepRow", "SubscribePage", "TimeView", "UpdateRow", "UptimeCell", "YearLink",
        ]
        #expect(expected.subtracting(types).isEmpty, "not reached by the fixture: \(expected.subtracting(types).sorted())")
    }

    struct Plain {
        var title: String
        var note: String?
        var count: Int
    }

    struct Answering: MustacheParent {
        var title: String
        var note: String?
        var count: Int
        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "note": note
            case "count": count
            default: nil
            }
        }
    }

    @Test func anEmptyOptionalFallsThroughToTheEnclosingContextAsWithReflection() throws {
        let template = try MustacheTemplate(string: "{{#rows}}{{title}}/{{note}}/{{count}};{{/rows}}")
        let reflected = template.render(["note": "outer", "rows": [Plain(title: "a", note: nil, count: 1), Plain(title: "b", note: "own", count: 2)]] as [String: Any])
        let answered = template.render(["note": "outer", "rows": [Answering(title: "a", note: nil, count: 1), Answering(title: "b", note: "own", count: 2)]] as [String: Any])
        #expect(reflected == "a/outer/1;b/own/2;")
        #expect(answered == reflected)
    }
}
