import Foundation
import Testing
@testable import SitrepKit

/// `subscribe.html` and the header link to it, on the rendered fixture site.
@Suite("Render: subscribe page")
struct SubscribePageTests {
    private func site(signupURL: String?) throws -> RenderedSite {
        var model = SiteFixture.model()
        model.site.signupURL = signupURL
        return try RenderedSite(model)
    }

    @Test func listsEveryFeedAndTheCalendar() throws {
        let site = try site(signupURL: nil)
        let page = site.page("subscribe.html")
        let links = RenderedSite.attributeValues("href", in: page)
        #expect(links.contains("history.rss") && links.contains("history.atom") && links.contains("maintenance.ics"))
        let model = SiteFixture.model()
        for component in model.components {
            #expect(links.contains("components/\(component.id).rss"), "no feed link for \(component.id)")
        }
        #expect(!page.contains("By email"))
        // Every linked file exists in the built site (feeds and calendar come from the machine outputs).
        let outputs = MachineOutputs(strings: try SiteFixture.english()).render(model)
        for link in links where link.hasSuffix(".rss") || link.hasSuffix(".atom") || link.hasSuffix(".ics") {
            #expect(outputs[link] != nil, "\(link) is not built")
        }
    }

    @Test func headerLinksToTheSubscribePageFromEveryDepth() throws {
        let site = try site(signupURL: nil)
        #expect(site.page("index.html").contains("<a href=\"subscribe.html\">Subscribe</a>"))
        let component = try #require(site.paths.first { $0.hasPrefix("components/") })
        #expect(site.page(component).contains("<a href=\"../subscribe.html\">Subscribe</a>"))
    }

    @Test func showsTheSignupLinkWhenConfigured() throws {
        let mailto = try site(signupURL: "mailto:subscribe@example.org?subject=subscribe").page("subscribe.html")
        #expect(mailto.contains("By email"))
        #expect(mailto.contains("href=\"mailto:subscribe@example.org?subject=subscribe\""))
        #expect(mailto.contains("Email us to subscribe"))
        let form = try site(signupURL: "https://lists.example.org/join?a=1&b=\"2\"").page("subscribe.html")
        #expect(form.contains("href=\"https://lists.example.org/join?a=1&amp;b=&quot;2&quot;\""))
        #expect(form.contains("Sign up for email updates"))
    }
}
