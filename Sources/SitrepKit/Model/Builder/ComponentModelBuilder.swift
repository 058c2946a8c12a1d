import Foundation

/// One component's model from everything the build knows about it.
struct ComponentModelBuilder: Sendable {
    let config: SiteConfig
    let snapshot: StoreSnapshot
    let content: SiteContent
    let now: Date
    let days: [DailyBarsBuilder.Day]
    let incidentOrder: [Incident]
    let maintenanceOrder: [Maintenance]
    let latestResults: [String: [CheckResult]]
    let componentHourly: [String: [ComponentRollup]]
    let componentDaily: [String: [ComponentRollup]]
    let checkHourly: [String: [CheckRollup]]
    let checkDaily: [String: [CheckRollup]]

    init(config: SiteConfig, snapshot: StoreSnapshot, content: SiteContent, now: Date) {
        self.config = config
        self.snapshot = snapshot
        self.content = content
        self.now = now
        days = DailyBarsBuilder.days(count: config.site.historyDays, endingAt: now, in: config.site.timezone)
        incidentOrder = content.incidents.sorted(by: IncidentModelBuilder.newestFirst)
        maintenanceOrder = content.maintenance.sorted(by: MaintenanceModelBuilder.newestFirst)
        latestResults = snapshot.latestResults.grouped(byRunsOf: \.componentID)
        componentHourly = snapshot.componentHourly.grouped(byRunsOf: \.componentID)
        componentDaily = snapshot.componentDaily.grouped(byRunsOf: \.componentID)
        checkHourly = snapshot.checkHourly.grouped(byRunsOf: \.componentID)
        checkDaily = snapshot.checkDaily.grouped(byRunsOf: \.componentID)
    }

    /// `index`: 0-based position in the config.
    func model(_ component: ComponentConfig, index: Int) -> ComponentModel {
        let checkIDs = Set(component.checks.map(\.id))
        let results = latestResults[component.id, default: []].filter { checkIDs.contains($0.checkID) }
        let timeline = ComponentTimeline(componentID: component.id, content: content)
        let resolution = ComponentStatusResolver.resolve(
            checkCount: component.checks.count, latest: results, timeline: timeline, now: now,
            staleAfterS: config.probe.staleAfterS)
        let history = ComponentHistory(
            hourly: componentHourly[component.id, default: []], daily: componentDaily[component.id, default: []],
            hourlyFrom: ComponentHistory.hourlyFrom(snapshot), now: now)
        let incidents = incidentOrder.filter { $0.names(component.id) }
        let hourlyChecks = checkHourly[component.id, default: []].filter { checkIDs.contains($0.checkID) }
        let dailyChecks = checkDaily[component.id, default: []].filter { checkIDs.contains($0.checkID) }
        return ComponentModel(
            id: component.id, name: component.name, description: component.description, groupID: component.group,
            position: index + 1, status: resolution.status, automaticStatus: resolution.automaticStatus,
            isStale: resolution.isStale, lastResultAt: resolution.lastResultAt,
            uptime: UptimeWindowsBuilder.windows(history, timeline: timeline, weights: config.uptime, now: now),
            daily: DailyBarsBuilder.bars(days: days, history: history, timeline: timeline, incidents: incidents,
                                         weights: config.uptime, now: now),
            responseTimes: LatencyBuilder.responseTimes(hourlyChecks, now: now),
            latency: LatencyBuilder.percentiles(hourly: hourlyChecks, daily: dailyChecks, now: now),
            checks: component.checks.map { check in
                CheckModelBuilder.model(check, latest: results.first { $0.checkID == check.id }, secrets: config.secrets)
            },
            incidentIDs: incidents.map(\.id),
            maintenanceIDs: maintenanceOrder.filter { $0.names(component.id) }.map(\.id),
            firstSeenAt: history.firstSeenAt)
    }
}
