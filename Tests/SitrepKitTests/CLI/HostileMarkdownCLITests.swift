import Foundation
import Testing

/// Markdown that would make cmark-gfm work for seconds (quadratic scans, huge tables) is refused by `check` and
/// `build` at the file line of the paragraph or line that goes over a limit; a long realistic postmortem builds.
@Suite("sitrep on hostile Markdown", .serialized)
struct HostileMarkdownCLITests {
    /// An incident whose body starts at line 8 (`Intro.`), its first hostile paragraph at line 10.
    static func incident(body: String, message: String = "Looking.") -> String {
        HostileInputCLITests.incident.replacingOccurrences(of: "message: Looking.", with: "message: \(message)")
            + "Intro.\n\n" + body + "\n"
    }

    func expectRefused(_ expected: String, body: String, message: String = "Looking.") throws {
        try HostileInputCLITests().expectRefused(["content/incidents/hostile.md:" + expected]) { site in
            try site.write("content/incidents/hostile.md", Self.incident(body: body, message: message))
        }
    }

    @Test func manyLinkBracketsInOneParagraphAreRefused() throws {
        try expectRefused("10:1: this paragraph has 300 link brackets ('[' and ']'); at most 256 are allowed",
                          body: String(repeating: "![[]()", count: 100))
    }

    @Test func manyAnglesInOneParagraphAreRefused() throws {
        try expectRefused("10:1: this paragraph has 40 '<'; at most 16 are allowed", body: String(repeating: "a <?", count: 40))
    }

    @Test func manyAddressesInOneParagraphAreRefused() throws {
        try expectRefused("10:1: this paragraph has 40 web and mail addresses", body: String(repeating: "a@b ", count: 40))
    }

    @Test func aLongAddressIsRefused() throws {
        try expectRefused("10:1: this paragraph has a web or mail address of 605 bytes; at most 512 are allowed",
                          body: "www.a" + String(repeating: ")", count: 600))
    }

    @Test func deepNestingIsRefused() throws {
        try expectRefused("11:1: this line opens 20 block quotes and lists; at most 8 may be nested",
                          body: "Fine.\n" + String(repeating: "> ", count: 10) + String(repeating: "- ", count: 10) + "a\nb")
    }

    @Test func aWideTableRowIsRefused() throws {
        try expectRefused("12:1: this line has 100 '|'; at most 64 are allowed",
                          body: "a | b\n--|--\n" + String(repeating: "|", count: 100))
    }

    @Test func manyTableDelimiterRowsInOneParagraphAreRefused() throws {
        try expectRefused("10:1: this paragraph has 3 table delimiter rows ('|---|'); at most 2 are allowed",
                          body: String(repeating: "a long line of text\n|-|-|\n", count: 3))
    }

    @Test func aTableWithTooManyCellsIsRefused() throws {
        let header = String(repeating: "a|", count: 60) + "a"
        let delimiter = String(repeating: "-|", count: 60) + "-"
        try expectRefused("10:1: the tables of this file have 6222 cells up to here; at most 256 are allowed",
                          body: header + "\n" + delimiter + "\n" + String(repeating: "x\n", count: 100))
    }

    @Test func tooMuchMarkupInOneFileIsRefused() throws {
        // 100 short paragraphs of 24 markup characters, each under every per-paragraph limit: 2,400 in all; the
        // 54th paragraph (line 10 + 53 * 2) goes over.
        let paragraphs = (0..<100).map { _ in String(repeating: "*a* ", count: 12) }
        try expectRefused("116:1: the Markdown of this file has more than 1280 markup characters",
                          body: paragraphs.joined(separator: "\n\n"))
    }

    @Test func tooManyLinesAreRefusedEvenWhenEndedByCarriageReturns() throws {
        try expectRefused("10:1: the Markdown of this file has more than 2000 lines by this line",
                          body: String(repeating: "a\r", count: 2_100))
    }

    @Test func tooManyLettersWAreRefused() throws {
        try expectRefused("10:1: the Markdown of this file has more than 4096 letters 'w' by this line",
                          body: String(repeating: "w", count: 5_000))
    }

    @Test func aHostileUpdateMessageIsRefusedAtItsLine() throws {
        try expectRefused("6:1: this paragraph has 300 link brackets", body: "Fine.", message: "\"" + String(repeating: "[", count: 300) + "\"")
    }

    @Test func aLongRealisticPostmortemBuilds() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        var sections: [String] = []
        for hour in 10..<19 {
            // A timeline table every third hour (the file's tables may have 256 cells, counted generously), a
            // paragraph of what was seen in the other hours.
            let rows = (0..<12).map { "| \(hour):\(10 + $0) | Replica lag reached \($0 * 7) s on `db-\($0)` | @oncall-\($0) |" }
            let timeline = hour % 3 == 0 ? """
                | Time (UTC) | Event | Owner |
                |:-----------|-------|------:|
                \(rows.joined(separator: "\n"))
                """ : (0..<10).map { "At \(hour):\(10 + $0 * 4) UTC replica \($0) was \($0 * 7) s behind and \(40 - $0) clients retried." }
                .joined(separator: " ")
            sections.append("""
                ## Hour \(hour): what happened

                The primary database in **eu-west** failed over at \(hour):02 UTC after the *disk_usage_percent* alert; \
                see [the runbook](https://runbooks.example.com/db/failover?step=\(hour)) and ![latency](https://example.com/\(hour).png). \
                Writes queued in `pgbouncer` and the API answered with ~~503~~ 502 for 40 s. Contact ops@example.com or \
                visit www.example.com/status for details & updates.

                \(timeline)

                - **Detection**: the `replication_lag_seconds` alert fired after 90 s.
                  - Follow-up: lower the threshold to 30 s ([issue 12](https://example.com/issues/12)).
                  - [x] page the database on-call
                  - [ ] add a dashboard panel
                1. Drained connections with `pgbouncer -R`.
                2. Promoted the replica.

                > Note: the failover itself took 11 s; the rest was clients reconnecting.

                ```sh
                $ psql -c 'select pid, state, sent_lsn from pg_stat_replication;'
                 pid  |   state   | sent_lsn
                ------+-----------+-----------
                 4711 | streaming | 0/3000148
                ```
                """)
        }
        let postmortem = Self.incident(body: sections.joined(separator: "\n\n"))
        #expect(postmortem.utf8.count > 12_000 && postmortem.utf8.count <= 16_384)
        try site.write("content/incidents/postmortem.md", postmortem)
        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        let build = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        let page = try site.read("site/incidents/postmortem.html")
        #expect(page.contains("<table>") && page.contains("<code>pgbouncer</code>") && page.contains("<blockquote>"))
    }
}
