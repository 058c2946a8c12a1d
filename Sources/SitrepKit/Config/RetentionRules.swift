import Foundation

/// The defaults of `retention` and the least each key may be: a build reads `ResultStore.componentHourlyDays`
/// days of hourly rollups and `BuildPipeline.snapshotDays(historyDays:)` UTC days of daily rollups, so keeping
/// less would leave holes in every site built afterwards.
public enum RetentionRules {
    /// Raw results: a day, what `probe`'s detail and a build with `--now` in the past read; a build works from
    /// rollups, status runs and the latest results.
    public static let defaultRawDays = 1
    public static let defaultHourlyDays = 30
    /// Daily rollups: a year and a month, or `site.history_days` when that is longer (`defaultDailyDays(historyDays:)`).
    public static let defaultDailyDays = 400
    /// No retention is longer than ten years.
    public static let maximumDays = 3650

    public static let minimumRawDays = 1
    /// The days of hourly rollups a build reads.
    public static var minimumHourlyDays: Int { ResultStore.componentHourlyDays }

    /// The days of daily rollups a build of a site with `historyDays` reads (the day holding `now` is the extra
    /// day of `BuildPipeline.snapshotDays`: it is never older than a prune's cut-off).
    public static func minimumDailyDays(historyDays: Int) -> Int {
        BuildPipeline.snapshotDays(historyDays: historyDays) - 1
    }

    public static func defaultDailyDays(historyDays: Int) -> Int {
        max(defaultDailyDays, minimumDailyDays(historyDays: historyDays))
    }
}

extension ConfigDecoder {
    /// `retention`: every key a whole number of days between its minimum (see `RetentionRules`) and ten years.
    func decodeRetention(_ reader: inout YAMLMapReader?, historyDays: Int) -> RetentionSettings {
        let minimumDaily = RetentionRules.minimumDailyDays(historyDays: historyDays)
        let raw = Self.days(&reader, "raw_days", minimum: RetentionRules.minimumRawDays, why: nil)
        let hourly = Self.days(&reader, "hourly_days", minimum: RetentionRules.minimumHourlyDays,
                               why: "the days of hourly rollups a build reads")
        let daily = Self.days(&reader, "daily_days", minimum: minimumDaily,
                              why: "the days of daily rollups a build reads: site.history_days or 90, whichever is more")
        return RetentionSettings(
            rawDays: raw ?? RetentionRules.defaultRawDays, hourlyDays: hourly ?? RetentionRules.defaultHourlyDays,
            dailyDays: daily ?? RetentionRules.defaultDailyDays(historyDays: historyDays))
    }

    /// A whole number of days from `minimum` to `RetentionRules.maximumDays`; nil when absent or reported.
    private static func days(_ reader: inout YAMLMapReader?, _ key: String, minimum: Int, why: String?) -> Int? {
        guard let why else { return reader?.int(key, range: minimum...RetentionRules.maximumDays) }
        guard let days = reader?.int(key), let reader else { return nil }
        guard (minimum...RetentionRules.maximumDays).contains(days) else {
            reader.report("'\(reader.path(key))' must be between \(minimum) (\(why)) and \(RetentionRules.maximumDays), not \(days)",
                          at: reader.valueNode(key))
            return nil
        }
        return days
    }
}
