import Foundation

/// One component's model from everything the build knows about it.
struct ComponentModelBuilder: Sendable {
    let config: SiteConfig
    let snapshot: StoreSnapshot
    let now: Date
    let days: [DailyBarsBuilder.Day]
    let incidentOrder: [Incident]
    let maintenanceOrder: [Maintenance]
    /// The incidents and windows naming each component, newest first.
    let incidentsByComponent: [String: [Incident]]
    let maintenanceByComponent: [String: [Maintenance]]
    let latestResults: [String: [CheckResult]]
    let locationResults: [String: [LocationResult]]
    let componentHourly: [String: [ComponentRollup]]
    let componentDaily: [String: [ComponentRollup]]
    let checkHourly: [String: [CheckRollup]]
    let checkDaily: [String: [CheckRollup]]
    let statusRuns: [String: [StatusRun]]
    let runClock: RunClock
    /// The earliest observation of any component: where a component without checks starts counting.
    let siteFirstSeen: Date?

    init(config: SiteConfig, snapshot: StoreSnapshot, content: SiteContent, now: Date) {
        self.config = config
        self.snapshot = snapshot
        self.now = now
        days = DailyBarsBuilder.days(count: config.site.historyDays, endingAt: now, in: config.site.timezone)
        incidentOrder = content.incidents.sorted(by: IncidentModelBuilder.newestFirst)
        maintenanceOrder = content.maintenance.sorted(by: MaintenanceModelBuilder.newestFirst)
        incidentsByComponent = Self.byComponent(incidentOrder) { $0.components.map(\.id) }
        maintenanceByComponent = Self.byComponent(maintenanceOrder) { $0.components.map(\.id) }
        latestResults = snapshot.latestResults.grouped(byRunsOf: \.componentID)
        locationResults = Dictionary(grouping: snapshot.locationResults, by: \.componentID)
        componentHourly = snapshot.componentHourly.grouped(byRunsOf: \.componentID)
        componentDaily = snapshot.componentDaily.grouped(byRunsOf: \.componentID)
        checkHourly = snapshot.checkHourly.grouped(byRunsOf: \.componentID)
        checkDaily = snapshot.checkDaily.grouped(byRunsOf: \.componentID)
        statusRuns = snapshot.statusRunHistory.statusRuns.grouped(byRunsOf: \.componentID)
        runClock = RunClock(snapshot.statusRunHistory)
        // The site's first observation: every component's rollups and status runs read as one history (only
        // its first observation is asked for, so the status runs need not be one component's).
        let clock = runClock
        siteFirstSeen = config.components.contains { $0.checks.isEmpty }
            ? ComponentHistory(hourly: snapshot.componentHourly, daily: snapshot.componentDaily,
                               hourlyFrom: ComponentHistory.hourlyFrom(snapshot), now: now,
                               observations: snapshot.statusRunHistory.exactFrom.map { exactFrom in
                                   StatusRunObservations(statusRuns: snapshot.statusRunHistory.statusRuns, clock: clock, exactFrom: exactFrom)
                               }).firstSeenAt
            : nil
    }

    /// `index`: 0-based position in the config.
    func model(_ component: ComponentConfig, index: Int) -> ComponentModel {
        let checkIDs = Set(component.checks.map(\.id))
        let results = latestResults[component.id, default: []].filter { checkIDs.contains($0.checkID) }
        let incidents = incidentsByComponent[component.id, default: []]
        let maintenance = maintenanceByComponent[component.id, default: []]
        let timeline = ComponentTimeline(componentID: component.id, incidents: incidents, maintenance: maintenance)
        let resolution = ComponentStatusResolver.resolve(
            checkCount: component.checks.count, latest: results, timeline: timeline, now: now,
            staleAfterS: config.probe.staleAfterS)
        let history = ComponentHistory(
            hourly: componentHourly[component.id, default: []], daily: componentDaily[component.id, default: []],
            hourlyFrom: ComponentHistory.hourlyFrom(snapshot), now: now,
            observations: snapshot.statusRunHistory.exactFrom.map { exactFrom in
                StatusRunObservations(statusRuns: statusRuns[component.id, default: []], clock: runClock, exactFrom: exactFrom)
            })
        // Without checks, the status is the content's alone, and so is the uptime (`DeclaredHistory`).
        let observations: any ComponentObservations = component.checks.isEmpty
            ? DeclaredHistory(siteFirstSeen: siteFirstSeen, incidents: incidents, maintenance: maintenance, now: now)
            : history
        let hourlyChecks = Self.rollups(checkHourly[component.id, default: []], of: checkIDs)
        let dailyChecks = Self.rollups(checkDaily[component.id, default: []], of: checkIDs)
        return ComponentModel(
            id: component.id, name: component.name, description: component.description, groupID: component.group,
            position: index + 1, status: resolution.status, automaticStatus: resolution.automaticStatus,
            isStale: resolution.isStale, lastResultAt: resolution.lastResultAt,
            uptime: UptimeWindowsBuilder.windows(observations, timeline: timeline, weights: config.uptime, now: now),
            daily: DailyBarsBuilder.bars(days: days, history: observations, timeline: timeline, incidents: incidents,
                                         weights: config.uptime, now: now),
            responseTimes: LatencyBuilder.responseTimes(hourlyChecks, now: now),
            latency: LatencyBuilder.percentiles(hourly: hourlyChecks, daily: dailyChecks, now: now),
            checks: component.checks.map { check in
                CheckModelBuilder.model(check, latest: results.first { $0.checkID == check.id },
                                        hourly: hourlyChecks.filter { $0.checkID == check.id },
                                        daily: dailyChecks.filter { $0.checkID == check.id },
                                        secrets: config.secrets, now: now)
            },
            incidentIDs: incidents.map(\.id),
            maintenanceIDs: maintenance.map(\.id),
            firstSeenAt: history.firstSeenAt,
            locations: LocationStatusBuilder.statuses(locationResults[component.id, default: []], checkIDs: checkIDs,
                                                      now: now, staleAfterS: config.probe.staleAfterS))
    }

    /// `items` grouped under each component id they name (once, however often they name it), in their order.
    static func byComponent<Item>(_ items: [Item], ids: (Item) -> [String]) -> [String: [Item]] {
        var groups: [String: [Item]] = [:]
        for item in items {
            let named = ids(item)
            for (position, id) in named.enumerated() where !named[..<position].contains(id) {
                groups[id, default: []].append(item)
            }
        }
        return groups
    }

    /// The rollups of the configured checks: the store also keeps those of checks since removed from the
    /// config. Usually all of them are configured, and the array is then shared instead of copied row by row.
    static func rollups(_ rollups: [CheckRollup], of checkIDs: Set<String>) -> [CheckRollup] {
        var index = rollups.startIndex
        while index < rollups.endIndex, checkIDs.contains(rollups[index].checkID) { index += 1 }
        return index == rollups.endIndex ? rollups : rollups.filter { checkIDs.contains($0.checkID) }
    }
}
