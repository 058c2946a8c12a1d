import Foundation
import Testing
@testable import SitrepKit

/// Times and URL values a user meets through the built binary: a pinned clock earlier than the data, times
/// outside 1970...9999, updates dated after now, the time zone and the URLs the site publishes.
@Suite("Times and URL values", .serialized)
struct TimeAndURLValuesTests {
    static let config = CLITests.offlineConfig

    func json(_ site: FixtureSite, _ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(site.read("site/" + path).utf8)) as? [String: Any])
    }

    /// Every published file as text, to look for a value that must not be anywhere.
    func publishedText(_ site: FixtureSite) throws -> [String: String] {
        try site.tree("site").mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aBuildPinnedBeforeTheDataShowsNoRecentDataAndNothingFromItsFuture() throws {
        let site = try FixtureSite(config: Self.config)
        defer { site.remove() }
        let probedFrom = Date()
        #expect(try site.run("probe").status == 0)
        // The control: built at the real time, the refused port is a fresh outage.
        #expect(try site.run("build").status == 0)
        let current = try json(site, "api/v1/components/api.json")
        #expect(current["stale"] as? Bool == false && current["status"] as? String == "major_outage")

        let past = Timestamp.seconds(probedFrom.addingTimeInterval(-2 * 3600))
        let build = try site.run("build", "--now", past)
        #expect(build.status == 0, "\(build.stderr)")
        for id in ["api", "db"] {
            let component = try json(site, "api/v1/components/\(id).json")
            #expect(component["stale"] as? Bool == true, "\(id)")
            #expect(component["last_result_at"] is NSNull && component["first_seen_at"] is NSNull)
            let uptime = try #require(component["uptime"] as? [String: Any])
            #expect(uptime.values.allSatisfy { $0 is NSNull }, "\(uptime)")
            let daily = try #require(component["daily"] as? [[String: Any]])
            #expect(daily.allSatisfy { $0["uptime"] is NSNull && $0["worst_status"] is NSNull })
            let checks = try #require(component["checks"] as? [[String: Any]])
            #expect(checks.allSatisfy { $0["status"] is NSNull && $0["at"] is NSNull }, "\(checks)")
        }
        let summary = try json(site, "api/v2/summary.json")
        #expect((summary["status"] as? [String: Any])?["indicator"] as? String == "none")
        let own = try json(site, "api/v1/status.json")["components"] as? [[String: Any]] ?? []
        #expect(own.map { $0["status_label"] as? String } == ["No recent data", "No recent data"])
        let index = try site.read("site/index.html")
        #expect(index.contains("No recent data"))
        // Nothing published names a time after the pinned now except the data's absence.
        let later = Timestamp.seconds(probedFrom).prefix(13)
        for (path, text) in try publishedText(site) where path.hasSuffix(".json") {
            #expect(!text.contains(String(later)), "\(path) names an hour of the data")
        }
    }

    @Test func aPinnedClockOutsideRealDatesIsBadUsage() throws {
        let site = try FixtureSite(config: Self.config)
        defer { site.remove() }
        for now in ["2026-02-30T00:00:00Z", "0000-12-30T00:00:00Z", "1969-12-31T23:59:59Z", "2026-11-20T09:12:00",
                    "9999-12-31T23:30:00-01:00"] {
            let outcome = try site.run("build", "--now", now)
            #expect(outcome.status == 64, "\(now): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("sitrep: --now must "), "\(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
            #expect(!site.exists("site"))
        }
        for epoch in ["253402300800", "-1", "-62135596800"] {
            for command in ["build", "run"] {
                let outcome = try site.run(command, environment: ["SOURCE_DATE_EPOCH": epoch])
                #expect(outcome.status == 64, "\(command) \(epoch): \(outcome.stderr)")
                #expect(outcome.stderr.hasPrefix("sitrep: SOURCE_DATE_EPOCH must "), "\(outcome.stderr)")
                #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
                #expect(!site.exists("site") && !site.exists("data/sitrep.sqlite"), "\(command) probed or built")
            }
        }
        // The edges themselves are fine.
        #expect(try site.run("build", "--now", "9999-12-31T23:59:59Z").status == 0)
        #expect(try site.run("build", environment: ["SOURCE_DATE_EPOCH": "0"]).status == 0)
    }

    @Test func contentTimesOutsideRealYearsAreReportedWithFileLineAndKey() throws {
        let site = try FixtureSite(config: Self.config)
        defer { site.remove() }
        try site.write("content/incidents/ancient.md", """
        ---
        title: Ancient
        impact: minor
        components: [api]
        updates:
          - at: 0001-01-01T00:00:00+01:00
            status: investigating
            message: Looking.
        ---
        """)
        try site.write("content/maintenance/far.md", """
        ---
        title: Far
        components: [api]
        scheduled_for: 9999-12-31T22:00:00Z
        scheduled_until: 9999-12-31 23:30-01:00
        ---
        """)
        for arguments in [["check"], ["build", "--now", "2026-11-20T09:00:00Z"]] {
            let command = arguments[0]
            let outcome = try SitrepProcess.run(arguments, in: site.root)
            #expect(outcome.status == 1, "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("content/incidents/ancient.md:6:") && outcome.stderr.contains("'updates[0].at' is out of range"),
                    "\(outcome.stderr)")
            #expect(outcome.stderr.contains("content/maintenance/far.md:5:") && outcome.stderr.contains("'scheduled_until' is out of range"),
                    "\(outcome.stderr)")
            #expect(!site.exists("site"))
        }
    }

    @Test func aResolvedUpdateDatedAfterNowIsNotInEffectInAnyOutput() throws {
        let site = try FixtureSite(config: Self.config)
        defer { site.remove() }
        try site.write("content/incidents/outage.md", """
        ---
        title: API outage
        impact: major
        components: [api]
        updates:
          - at: 2026-11-20T11:00:00Z
            status: resolved
            message: Written ahead, all fixed.
          - at: 2026-11-20T09:00:00Z
            status: investigating
            message: Looking into it.
        ---
        """)
        try site.write("content/maintenance/upgrade.md", """
        ---
        title: Upgrade
        components: [db]
        scheduled_for: 2026-11-20T08:00:00Z
        scheduled_until: 2026-11-20T12:00:00Z
        updates:
          - at: 2026-11-20T11:30:00Z
            status: completed
            message: Finished early, written ahead.
          - at: 2026-11-20T08:00:00Z
            status: in_progress
            message: Started.
        ---
        """)
        try site.write("content/incidents/planned.md", """
        ---
        title: Not yet happened
        impact: minor
        components: [db]
        updates:
          - {at: 2026-11-20T10:30:00Z, status: investigating, message: Future.}
        ---
        """)
        let build = try site.run("build", "--now", "2026-11-20T10:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        let texts = try publishedText(site)
        for (path, text) in texts {
            #expect(text.range(of: "written ahead", options: .caseInsensitive) == nil && !text.contains("Not yet happened"),
                    "\(path) shows the future")
        }
        func ids(_ document: [String: Any], _ key: String) -> [String] {
            (document[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        let summary = try json(site, "api/v2/summary.json")
        #expect(ids(summary, "incidents") == ["outage"])
        #expect((summary["status"] as? [String: Any])?["indicator"] as? String == "major")
        #expect(ids(try json(site, "api/v2/incidents/unresolved.json"), "incidents") == ["outage"])
        let v2 = try json(site, "api/v2/incidents.json")["incidents"] as? [[String: Any]] ?? []
        #expect(v2.map { $0["status"] as? String } == ["investigating"])
        #expect(v2.allSatisfy { $0["resolved_at"] is NSNull })
        let v1 = try json(site, "api/v1/status.json")
        #expect(ids(v1, "active_incidents") == ["outage"])
        let own = try json(site, "api/v1/incidents.json")["incidents"] as? [[String: Any]] ?? []
        #expect(own.map { $0["resolved"] as? Bool } == [false])
        let component = try json(site, "api/v1/components/api.json")
        #expect(component["status"] as? String == "partial_outage")
        #expect(!(try site.read("site/incidents/outage.html")).contains("Resolved after"))
        #expect(!site.exists("site/incidents/planned.html"))

        // Once now reaches the update, every output has it.
        let later = try site.run("build", "--now", "2026-11-20T12:00:00Z")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(ids(try json(site, "api/v2/incidents/unresolved.json"), "incidents") == ["planned"])
        #expect(try site.read("site/history.rss").contains("Written ahead, all fixed."))
        #expect(try site.read("site/maintenance.ics").contains("Finished early"))
    }

    @Test func theTimeZoneIsAnIANANamePublishedAsWritten() throws {
        let site = try FixtureSite(config: Self.config.replacingOccurrences(of: "timezone: Europe/Berlin", with: "timezone: UTC"))
        defer { site.remove() }
        #expect(try site.run("build", "--now", "2026-11-20T10:00:00Z").status == 0)
        let summary = try json(site, "api/v2/summary.json")
        #expect((summary["page"] as? [String: Any])?["time_zone"] as? String == "UTC")
        let own = try json(site, "api/v1/status.json")
        #expect(((own["site"] ?? own["page"]) as? [String: Any])?["time_zone"] as? String == "UTC")

        for zone in ["GMT+05:30", "+05:30", "EST", "Mars/Olympus"] {
            let bad = try FixtureSite(config: Self.config.replacingOccurrences(of: "timezone: Europe/Berlin", with: "timezone: \"\(zone)\""))
            defer { bad.remove() }
            let outcome = try bad.run("check")
            #expect(outcome.status == 1, "\(zone)")
            #expect(outcome.stderr.contains("sitrep.yml:4:13: 'site.timezone' must be an IANA time zone name"), "\(outcome.stderr)")
        }
    }

    @Test func aPublicCheckURLIsShownWithoutPasswordOrQueryValues() throws {
        let site = try FixtureSite(config: Self.config.replacingOccurrences(
            of: "url: \"http://127.0.0.1:1/health\"",
            with: "url: \"http://monitor:hunter22@127.0.0.1:1/health?token=s3cr3t-value&region=eu#key=fragment-secret\""))
        defer { site.remove() }
        #expect(try site.run("build", "--now", "2026-11-20T10:00:00Z").status == 0)
        let texts = try publishedText(site)
        for (path, text) in texts {
            #expect(!text.contains("hunter22") && !text.contains("s3cr3t-value") && !text.contains("fragment-secret")
                    && !text.contains("region=eu"), "\(path) shows a credential")
        }
        let component = try json(site, "api/v1/components/api.json")
        let checks = try #require(component["checks"] as? [[String: Any]])
        #expect(checks.first?["target"] as? String == "http://monitor:***@127.0.0.1:1/health?token=***&region=***#key=***")
        #expect(texts["components/api.html", default: ""].contains("http://monitor:***@127.0.0.1:1/health?token=***&amp;region=***#key=***"))
    }

    @Test func aSiteURLThatWouldNeedEscapingOrIsNotAnAbsoluteWebURLIsRefused() throws {
        for url in ["https://status.test/\\\"><script>alert(1)</script>", "https://status.test/a b", "https://status.test/it's",
                    "https://user:pw@status.test", "https://status.test/?a=1&b=2", "ftp://status.test", "status.test",
                    "https:status.test", "https://status.test/{x}"] {
            let site = try FixtureSite(config: Self.config.replacingOccurrences(
                of: "url: https://status.fixture.test", with: "url: \"\(url)\""))
            defer { site.remove() }
            let outcome = try site.run("build", "--now", "2026-11-20T10:00:00Z")
            #expect(outcome.status == 1, "\(url)")
            #expect(outcome.stderr.contains("sitrep.yml:3:8: 'site.url' must "), "\(url): \(outcome.stderr)")
            #expect(!site.exists("site"))
        }
        let fine = try FixtureSite(config: Self.config.replacingOccurrences(
            of: "url: https://status.fixture.test", with: "url: \"https://example.github.io/status/\""))
        defer { fine.remove() }
        #expect(try fine.run("check").status == 0)
    }
}
