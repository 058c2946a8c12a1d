import Foundation
import Testing
@testable import SitrepKit

/// `GeneratedNames` is what keeps static files and theme assets from replacing generated outputs: every path
/// the renderer and the machine outputs write must fall under it, and the theme's assets must not.
@Suite struct GeneratedNamesTests {
    @Test func everyGeneratedPathIsReserved() throws {
        let model = SiteFixture.model()
        let pages = try RenderedSite(model).paths
        let documents = MachineOutputs(strings: try SiteFixture.english()).render(model).keys.sorted() + [BuildMarker.path]
        #expect(pages.count > 10 && documents.count > 10)
        #expect(pages.contains { $0.hasPrefix("history/") }, "the fixture has older history pages")
        for path in pages + documents {
            #expect(GeneratedNames.isGenerated(path), "\(path) is written by the build but not in GeneratedNames")
        }
    }

    @Test func theDefaultThemesAssetsAreNotReservedAndArePublishedAtTheRoot() throws {
        let theme = try TemplateSet(directory: SiteFixture.templates)
        #expect(theme.assets.map(\.path) == ["widget.html", "widget.js"])
        for asset in theme.assets { #expect(!GeneratedNames.isGenerated(asset.path)) }
        #expect(!GeneratedNames.isGenerated("robots.txt") && !GeneratedNames.isGenerated("img/logo.svg"))
        #expect(GeneratedNames.isGenerated("api/v2/status.json") && GeneratedNames.isGenerated("index.html"))
    }

    @Test func anAssetNamedLikeAGeneratedOutputIsATemplateProblem() throws {
        let scratch = try ScratchFolder("asset-name")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.appendingPathComponent("assets/index.html"))
        let problems = TemplateSet.problems(in: ThemeFolders(site: site, defaultTheme: SiteFixture.templates))
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.path.hasSuffix("templates/assets/index.html") == true)
        #expect(problems.first?.message.contains("would be published as index.html, which sitrep generates itself") == true)
    }
}
