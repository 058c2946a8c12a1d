import Foundation

/// Everything every output of one build needs: HTML pages, JSON APIs, feeds, calendar and badges all read
/// only this. Built once per build by the model builder from the database, the content and the config;
/// immutable afterwards, so renderers are pure functions of it.
public struct SiteModel: Sendable {
    /// The build's "now" (pinned by `--now` / `SOURCE_DATE_EPOCH`); renderers never read the clock.
    public var generatedAt: Date
    /// Title, absolute url (no trailing slash), description, time zone, refresh seconds, history days.
    public var site: SiteSettings
    /// The page-wide indicator (SPEC.md's overall status rule, already applied).
    public var indicator: Indicator
    /// Groups in config order.
    public var groups: [GroupModel]
    /// Components in config order.
    public var components: [ComponentModel]
    /// Newest first (by `startedAt`).
    public var incidents: [IncidentModel]
    /// Newest first (by `scheduledFor`).
    public var maintenance: [MaintenanceModel]

    public init(
        generatedAt: Date, site: SiteSettings, indicator: Indicator, groups: [GroupModel],
        components: [ComponentModel], incidents: [IncidentModel], maintenance: [MaintenanceModel]
    ) {
        self.generatedAt = generatedAt
        self.site = site
        self.indicator = indicator
        self.groups = groups
        self.components = components
        self.incidents = incidents
        self.maintenance = maintenance
    }
}
