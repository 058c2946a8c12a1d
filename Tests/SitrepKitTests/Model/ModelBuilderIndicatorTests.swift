import Foundation
import Testing
@testable import SitrepKit

@Suite("Model builder: overall indicator")
struct ModelBuilderIndicatorTests {
    let now = Fixture.now
    let config = Fixture.config(components: [Fixture.component("api"), Fixture.component("web")])

    func indicator(api: [CheckStatus], web: [CheckStatus], content: SiteContent = SiteContent()) -> Indicator {
        let latest = zip(["a", "b"], api).map { Fixture.result("api", $0, $1) }
            + zip(["a", "b"], web).map { Fixture.result("web", $0, $1) }
        return Fixture.build(config: config, snapshot: Fixture.snapshot(latest: latest), content: content).indicator
    }

    @Test("from the components")
    func components() {
        #expect(indicator(api: [.up, .up], web: [.up, .up]) == .none)
        #expect(indicator(api: [.degraded, .up], web: [.up, .up]) == .minor)
        #expect(indicator(api: [.down, .up], web: [.up, .up]) == .major)
        #expect(indicator(api: [.down, .down], web: [.up, .up]) == .major)
        #expect(indicator(api: [.down, .down], web: [.down, .down]) == .critical)
    }

    @Test("only maintenance gives maintenance; anything worse wins")
    func maintenance() {
        let running = Fixture.maintenance("m", from: now.addingTimeInterval(-3600), until: now.addingTimeInterval(3600))
        let content = SiteContent(maintenance: [running])
        #expect(indicator(api: [.up, .up], web: [.up, .up], content: content) == .maintenance)
        #expect(indicator(api: [.up, .up], web: [.degraded, .up], content: content) == .minor)
    }

    @Test("the worst of the open incidents' impacts and the components")
    func incidents() {
        func with(_ impact: Impact, resolved: Date? = nil) -> SiteContent {
            SiteContent(incidents: [Fixture.incident("i", impact: impact, components: [ComponentReference(id: "web")],
                                                     start: now.addingTimeInterval(-600), resolved: resolved)])
        }
        #expect(indicator(api: [.up, .up], web: [.up, .up], content: with(.none)) == .none)
        #expect(indicator(api: [.up, .up], web: [.up, .up], content: with(.minor)) == .minor)
        #expect(indicator(api: [.up, .up], web: [.up, .up], content: with(.major)) == .major)
        // A critical incident is critical even though only one of two components is in major outage.
        #expect(indicator(api: [.up, .up], web: [.up, .up], content: with(.critical)) == .critical)
        #expect(indicator(api: [.up, .up], web: [.up, .up], content: with(.critical, resolved: now)) == .none)
        #expect(indicator(api: [.down, .up], web: [.up, .up], content: with(.minor)) == .major)
    }
}
