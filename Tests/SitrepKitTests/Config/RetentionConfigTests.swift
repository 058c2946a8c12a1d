import Foundation
import Testing
@testable import SitrepKit

/// `retention`: how long each kind of row is kept, never less than a build reads.
@Suite("Retention config")
struct RetentionConfigTests {
    func parse(_ text: String) -> (SiteConfig?, [String]) {
        let collector = DiagnosticCollector(path: "sitrep.yml")
        let (config, diagnostics) = ConfigLoader.parse(text, configFile: URL(fileURLWithPath: "/srv/status/sitrep.yml"),
                                                       environment: [:], collector: collector)
        return (config, diagnostics.map(\.description))
    }

    @Test func readsEveryKeyAndDefaultsTheRest() throws {
        let (config, problems) = parse("""
        site: {title: T, url: 'http://x.test'}
        retention:
          raw_days: 7
          hourly_days: 14
          daily_days: 800
        """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(try #require(config).retention == RetentionSettings(rawDays: 7, hourlyDays: 14, dailyDays: 800))

        let (defaults, none) = parse("site: {title: T, url: 'http://x.test'}\n")
        #expect(none.isEmpty)
        #expect(try #require(defaults).retention == RetentionSettings(rawDays: 1, hourlyDays: 30, dailyDays: 400))
    }

    @Test func dailyRollupsAreKeptAtLeastAsLongAsTheHistoryShown() throws {
        let (config, problems) = parse("site: {title: T, url: 'http://x.test', history_days: 500}\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(try #require(config).retention.dailyDays == 500)
    }

    @Test func refusesLessThanABuildReadsNamingTheMinimum() {
        let (config, problems) = parse("""
        site: {title: T, url: 'http://x.test', history_days: 120}
        retention:
          raw_days: 0
          hourly_days: 7
          daily_days: 100
        """)
        #expect(config == nil)
        #expect(problems == [
            "sitrep.yml:3:13: 'retention.raw_days' must be between 1 and 3650, not 0",
            "sitrep.yml:4:16: 'retention.hourly_days' must be between 8 (the days of hourly rollups a build reads) and 3650, not 7",
            "sitrep.yml:5:15: 'retention.daily_days' must be between 120 (the days of daily rollups a build reads: "
                + "site.history_days or 90, whichever is more) and 3650, not 100",
        ])
        let (_, more) = parse("""
        site: {title: T, url: 'http://x.test'}
        retention: {daily_days: 89, hourly_days: 4000, weekly_days: 3, raw_days: many}
        """)
        #expect(more == [
            "sitrep.yml:2:25: 'retention.daily_days' must be between 90 (the days of daily rollups a build reads: "
                + "site.history_days or 90, whichever is more) and 3650, not 89",
            "sitrep.yml:2:42: 'retention.hourly_days' must be between 8 (the days of hourly rollups a build reads) and 3650, not 4000",
            "sitrep.yml:2:48: unknown key 'retention.weekly_days'",
            "sitrep.yml:2:74: 'retention.raw_days' must be a whole number",
        ])
    }
}
