import Foundation
import Testing

/// Templates and content that used to crash or stall `sitrep`, and `check` output that hid or garbled problems:
/// each is now a `path:line:column` problem, exit 1, and a failed build leaves the published site as it was.
@Suite("sitrep on hostile templates and content", .serialized)
struct HostileInputCLITests {
    static let incident = CLITests.minorIncident

    /// A site built once; `body` breaks it, then `check` and `build` must both refuse and leave the site alone.
    func expectRefused(_ expected: [String], breaking body: (FixtureSite) throws -> Void) throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        #expect(try site.run("build", "--now", "2026-11-23T12:00:00Z").status == 0)
        let before = try site.tree("site")
        let entriesBefore = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        try body(site)
        let check = try site.run("check")
        #expect(check.status == 1, "\(check.stderr)")
        let build = try site.run("build", "--now", "2026-11-24T12:00:00Z")
        #expect(build.status == 1, "\(build.stderr)")
        for line in expected {
            #expect(check.stderr.contains(line), "\(check.stderr)")
            #expect(build.stderr.contains(line), "\(build.stderr)")
        }
        #expect(try site.tree("site") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == entriesBefore)
    }

    @Test func aPartialThatIncludesItselfIsRefused() throws {
        try expectRefused(["templates/partials/loop.mustache:2:3: template 'partials/loop' includes itself"]) { site in
            try site.write("templates/partials/loop.mustache", "<p>\n  {{> partials/loop}}</p>\n")
            try site.write("templates/pages/history.mustache", try site.read("templates/pages/history.mustache") + "{{> partials/loop}}\n")
        }
    }

    @Test func partialsThatIncludeEachOtherAreRefusedEvenWithOtherDelimiters() throws {
        try expectRefused([
            "templates/partials/a.mustache:1:1: partial 'partials/b' includes this template again (partials/a → partials/b → partials/a)",
            "templates/partials/b.mustache:2:1: partial 'partials/a' includes this template again (partials/b → partials/a → partials/b)",
        ]) { site in
            try site.write("templates/partials/a.mustache", "{{> partials/b}}\n")
            try site.write("templates/partials/b.mustache", "{{=<% %>=}}\n<%> partials/a %>\n")
            try site.write("templates/pages/history.mustache", try site.read("templates/pages/history.mustache") + "{{> partials/a}}\n")
        }
    }

    @Test func aDynamicPartialIsRefused() throws {
        try expectRefused(["templates/partials/pick.mustache:1:4: dynamic partial '*title' is not supported"]) { site in
            try site.write("templates/partials/pick.mustache", "<p>{{>*title}}</p>\n")
        }
    }

    @Test func sectionsNestedTooDeepAreRefusedNotACrash() throws {
        try expectRefused(["templates/partials/deep.mustache:1:"]) { site in
            let depth = 2_000
            try site.write("templates/partials/deep.mustache", String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth))
        }
    }

    @Test func aContentFileOverTheSizeLimitIsRefused() throws {
        try expectRefused(["content/incidents/huge.md:1:1: this file has more than the 16384 bytes"]) { site in
            try site.write("content/incidents/huge.md", Self.incident + String(repeating: "![[]()", count: 40_000 / 6))
        }
    }

    /// Plain prose just over 16 KiB (within the 32 KiB limit before): 1,000 files this size must build within the
    /// build budget, so a file one byte over is refused, and one at the limit builds.
    @Test func proseOneByteOverTheSizeLimitIsRefusedAndAtTheLimitBuilds() throws {
        func prose(filling bytes: Int) -> String {
            let sentence = "The primary database failed over after the deploy and the API answered slowly for eleven minutes. "
            var text = Self.incident + "\n"
            while text.utf8.count + sentence.utf8.count <= bytes { text += sentence }
            return text + String(repeating: "a", count: bytes - text.utf8.count)
        }
        try expectRefused(["content/incidents/long.md:1:1: this file has more than the 16384 bytes a content file may have"]) { site in
            try site.write("content/incidents/long.md", prose(filling: 16_385))
        }
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("content/incidents/long.md", prose(filling: 16_384))
        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        let build = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try site.read("site/incidents/long.html").contains("answered slowly for eleven minutes"))
    }

    @Test func aConfigErrorDoesNotHideContentAndTemplateProblems() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig.replacingOccurrences(of: "  title: Fixture Status", with: "  title: Fixture Status\n  colour: red"))
        defer { site.remove() }
        try site.write("content/incidents/bad.md", Self.incident.replacingOccurrences(of: "impact: minor", with: "impact: huge"))
        try site.write("templates/partials/broken.mustache", "{{#open}}\n")
        let check = try site.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("sitrep.yml:3:3: unknown key 'site.colour'"), "\(check.stderr)")
        #expect(check.stderr.contains("content/incidents/bad.md:3:9: 'impact' must be one of"), "\(check.stderr)")
        #expect(check.stderr.contains("templates/partials/broken.mustache:"), "\(check.stderr)")
        #expect(check.stderr.contains("3 problems found."), "\(check.stderr)")
    }

    @Test func anUnreadableComponentListInventsNoUnknownComponents() throws {
        let site = try FixtureSite(config: """
        site: {title: T, url: "https://x.test"}
        components: nope
        """)
        defer { site.remove() }
        try site.write("content/incidents/ok.md", Self.incident)
        try site.write("content/incidents/bad.md", Self.incident.replacingOccurrences(of: "impact: minor", with: "impact: huge"))
        let check = try site.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("sitrep.yml:2:13: 'components' must be a list"), "\(check.stderr)")
        #expect(check.stderr.contains("content/incidents/bad.md:3:9:"), "\(check.stderr)")
        #expect(!check.stderr.contains("unknown component"), "\(check.stderr)")
    }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try Data(Data(Self.incident.utf8) + Data("Fine.\nCaf".utf8) + [0xE9] + Data("\n".utf8))
            .write(to: site.root.appendingPathComponent("content/incidents/latin1.md"))
        var config = Data(CLITests.offlineConfig.utf8)
        config.insert(0xFF, at: config.firstRange(of: Data("Status".utf8))?.lowerBound ?? 0)
        try config.write(to: site.root.appendingPathComponent("sitrep.yml"))
        try Data(Data("<p>\n  <b>Caf".utf8) + [0xE9] + Data("</b>\n".utf8))
            .write(to: site.root.appendingPathComponent("templates/partials/footer.mustache"))
        let check = try site.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("sitrep.yml:2:18: this file is not UTF-8 text: byte 0xFF"), "\(check.stderr)")
        #expect(check.stderr.contains("content/incidents/latin1.md:9:4: this file is not UTF-8 text: byte 0xE9"), "\(check.stderr)")
        #expect(check.stderr.contains("templates/partials/footer.mustache:2:9: this file is not UTF-8 text: byte 0xE9"), "\(check.stderr)")
    }

    @Test func checkNeverPrintsControlCharactersFromContent() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("content/incidents/ansi.md", Self.incident.replacingOccurrences(of: "impact: minor", with: #"impact: "\e]0;pwned\a\e[31m""#))
        try site.write("content/incidents/\u{1B}[2J.md", Self.incident)
        let check = try site.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains(#"not '\u{1B}]0;pwned\u{7}\u{1B}[31m'"#), "\(check.stderr)")
        #expect(check.stderr.contains(#"content/incidents/\u{1B}[2J.md:1:1: file name '\u{1B}[2J.md' is not a valid id"#), "\(check.stderr)")
        #expect(!check.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(check.stderr)")
    }
}
