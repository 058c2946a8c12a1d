import Foundation
import Testing

/// Themes that upgrade: a site's `templates/` holds only what it overrides, the rest comes from the default
/// theme of the installed sitrep (here `SITREP_THEME`, or the checkout's `templates/` the binary was built in).
@Suite("themes that upgrade", .serialized)
struct ThemeCLITests {
    static let now = "2026-11-23T12:00:00Z"

    /// A fixture site without templates of its own, and a copy of the repository's theme standing in for an
    /// installed release's (`SITREP_THEME` in `env`).
    private func withInstalledTheme(_ test: (_ site: FixtureSite, _ theme: URL, _ env: [String: String]) throws -> Void) throws {
        let scratch = try ScratchFolder("theme")
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        defer { scratch.remove(); site.remove() }
        let theme = scratch.url.appendingPathComponent("share/sitrep/templates")
        try FileManager.default.createDirectory(at: theme.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SitrepProcess.packageRoot.appendingPathComponent("templates"), to: theme)
        try test(site, theme, ["SITREP_THEME": theme.path])
    }

    @Test func aSiteWithoutTemplatesGetsTheDefaultThemeAndItsUpgrades() throws {
        try withInstalledTheme { site, theme, env in
            let check = try site.run("check", environment: env)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.contains("Theme: default theme \(theme.path), nothing overridden"), "\(check.stdout)")
            let first = try site.run("build", "--now", Self.now, environment: env)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(try site.read("site/index.html").contains("<footer"))
            #expect(site.exists("site/widget.js") && site.exists("site/widget.html"), "theme assets are published")
            #expect(try site.read("site/style.css") == String(contentsOf: theme.appendingPathComponent("partials/style.mustache"), encoding: .utf8))
            #expect(try site.read("site/components/api.html").contains("<link rel=\"stylesheet\" href=\"../style.css?v="))
            #expect(try site.run("probe", environment: env).status == 0)
            #expect(try site.run("build", "--now", Self.now, environment: env).stdout.hasPrefix("Built"))
            #expect(try site.run("build", "--now", Self.now, environment: env).stdout.hasPrefix("Up to date"))

            // A new release fixes the default footer: the site gets it without touching its own files.
            let footer = theme.appendingPathComponent("partials/footer.mustache")
            try Data((try String(contentsOf: footer, encoding: .utf8) + "<p>Fixed in the next release</p>\n").utf8).write(to: footer)
            let second = try site.run("build", "--now", Self.now, environment: env)
            #expect(second.stdout.hasPrefix("Built"), "a changed default theme is a changed input: \(second.stdout)")
            #expect(try site.read("site/index.html").contains("Fixed in the next release"))
        }
    }

    @Test func aSiteOverridesSingleFilesAndCheckNamesThem() throws {
        try withInstalledTheme { site, theme, env in
            try site.write("templates/partials/footer.mustache", "<footer class=\"site-footer\">Our own footer {{> partials/extra}}</footer>\n")
            try site.write("templates/partials/extra.mustache", "<em>extra</em>")
            try site.write("templates/partials/style.mustache", "body { color: #102030; }\n")
            try site.write("templates/partials/status.mustache",
                           try String(contentsOf: theme.appendingPathComponent("partials/status.mustache"), encoding: .utf8))

            let check = try site.run("check", environment: env)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.contains("templates/partials/footer.mustache: overrides the default"), "\(check.stdout)")
            #expect(check.stdout.contains("templates/partials/extra.mustache: added (the default theme has no such file)"))
            #expect(check.stdout.contains("  identical to the default (remove to receive its updates): templates/partials/status.mustache\n"))
            #expect(!check.stdout.contains("layout.mustache"), "files not in templates/ are not overrides")

            let build = try site.run("build", "--now", Self.now, environment: env)
            #expect(build.status == 0, "\(build.stderr)")
            let index = try site.read("site/index.html")
            #expect(index.contains("Our own footer <em>extra</em>"))
            #expect(index.contains("<header class=\"site-header\">"), "the rest comes from the default theme")
            #expect(try site.read("site/style.css") == "body { color: #102030; }\n", "an overridden style partial is the stylesheet")

            // A broken override is reported at its own path.
            try site.write("templates/partials/extra.mustache", "{{#open}}")
            let broken = try site.run("check", environment: env)
            #expect(broken.status == 1)
            #expect(broken.stderr.contains("templates/partials/extra.mustache:"), "\(broken.stderr)")
        }
    }

    @Test func withoutADefaultThemeATemplatesFolderMustHoldTheWholeTheme() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        defer { site.remove() }
        let env = ["SITREP_THEME": site.root.appendingPathComponent("no-theme-here").path]
        let check = try site.run("check", environment: env)
        #expect(check.status == 1)
        #expect(check.stderr.contains("templates:1:1: the templates folder does not exist or is not a folder, and no default theme was found (set SITREP_THEME"),
                "\(check.stderr)")
        // An old site with a whole theme of its own keeps working without any default theme.
        let full = try FixtureSite(config: CLITests.offlineConfig, withTheme: true)
        defer { full.remove() }
        let fullCheck = try full.run("check", environment: env)
        #expect(fullCheck.status == 0, "\(fullCheck.stderr)")
        #expect(fullCheck.stdout.contains("Theme: no default theme found"))
        #expect(try full.run("build", "--now", Self.now, environment: env).status == 0)
        #expect(full.exists("site/widget.js"))
    }

    @Test func initWritesNoThemeUnlessAsked() throws {
        let parent = try ScratchFolder("init-theme")
        defer { parent.remove() }
        let plain = try SitrepProcess.run(["init", "plain"], in: parent.url)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("templates/"))
        let repo = parent.url.appendingPathComponent("plain")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("templates").path))
        let check = try SitrepProcess.run(["check"], in: repo)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("nothing overridden"), "\(check.stdout)")

        let themed = try SitrepProcess.run(["init", "themed", "--theme"], in: parent.url)
        #expect(themed.status == 0, "\(themed.stderr)")
        #expect(themed.stdout.contains("templates/"))
        let copy = parent.url.appendingPathComponent("themed")
        #expect(FileManager.default.fileExists(atPath: copy.appendingPathComponent("templates/pages/index.mustache").path))
        let themedCheck = try SitrepProcess.run(["check"], in: copy)
        #expect(themedCheck.status == 0, "\(themedCheck.stderr)")
        #expect(themedCheck.stdout.contains("identical to the default (remove to receive its updates): templates/assets/widget.html, "), "\(themedCheck.stdout)")
    }
}

/// The release layout `make install` writes: `<prefix>/bin/sitrep` finds `<prefix>/share/sitrep/templates`.
@Suite("installed layout")
struct InstalledLayoutCLITests {
    @Test func anInstalledBinaryUsesTheThemeInstalledBesideIt() throws {
        let prefix = try ScratchFolder("prefix")
        defer { prefix.remove() }
        let bin = prefix.url.appendingPathComponent("bin")
        let theme = prefix.url.appendingPathComponent("share/sitrep/templates")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: theme.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SitrepProcess.packageRoot.appendingPathComponent("templates"), to: theme)
        // A hard link (a copy across file systems), not a symbolic one: the lookup follows links to the binary's
        // real place.
        let installed = bin.appendingPathComponent("sitrep")
        do {
            try FileManager.default.linkItem(at: SitrepProcess.binary, to: installed)
        } catch {
            try FileManager.default.copyItem(at: SitrepProcess.binary, to: installed)
        }
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        defer { site.remove() }
        let check = try SitrepProcess.run(["check"], in: site.root, deadline: 60, executable: installed)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Theme: default theme \(theme.path), nothing overridden"), "\(check.stdout)")
    }
}
