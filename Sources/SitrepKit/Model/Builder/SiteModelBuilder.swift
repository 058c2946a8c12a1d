import Foundation

/// The pure function from config, store snapshot, content and `now` to the `SiteModel` every renderer
/// reads: no clock, no I/O, the same inputs give an equal model.
///
/// Decisions (see each part's documentation for details):
/// - Status: `ComponentStatusResolver` (stale and no-check components), precedence in `ComponentTimeline`
///   (maintenance replaces the probed status, an open incident raises on top of it).
/// - Updates dated after `now` are not yet in effect and appear nowhere (`SiteContent.atNow`).
/// - An incident is open from its oldest update until its `resolved` update (`Incident.openSpan`); the
///   indicator and the statuses use the incidents open at `now`.
/// - Uptime: `ObservationTally`, `ComponentHistory`, `UptimeWindowsBuilder`; daily bars: `DailyBarsBuilder`;
///   latency: `LatencyBuilder`; checks: `CheckModelBuilder`; content: `IncidentModelBuilder`,
///   `MaintenanceModelBuilder`; indicator: `IndicatorResolver`.
/// - Components keep config order with a 1-based `position`; groups keep config order, their status is the
///   worst of their members' (`operational` for an empty group).
public struct SiteModelBuilder: Sendable {
    /// `markdown`: the content's Markdown rendered ahead (`RenderedMarkdown.of(content)`); whatever it lacks is
    /// rendered here.
    public static func build(
        config: SiteConfig, snapshot: StoreSnapshot, content written: SiteContent, now: Date,
        markdown: RenderedMarkdown = .none
    ) -> SiteModel {
        let content = written.atNow(now)
        let names = Dictionary(config.components.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let builder = ComponentModelBuilder(config: config, snapshot: snapshot, content: content, now: now)
        // Components are independent: built on every core, kept in config order.
        let components = WorkQueue.map(count: config.components.count) { index in
            builder.model(config.components[index], index: index)
        }
        let groups = config.groups.map { group in
            let members = components.filter { $0.groupID == group.id }
            return GroupModel(id: group.id, name: group.name, componentIDs: members.map(\.id),
                              status: worst(members.map(\.status)))
        }
        let openImpacts = content.incidents.filter { $0.openSpan.contains(now) }.map(\.impact)
        return SiteModel(
            generatedAt: now, site: config.site,
            indicator: IndicatorResolver.indicator(componentStatuses: components.map(\.status),
                                                   openIncidentImpacts: openImpacts),
            groups: groups, components: components,
            incidents: builder.incidentOrder.map { IncidentModelBuilder.model($0, componentNames: names, markdown: markdown) },
            maintenance: builder.maintenanceOrder.map {
                MaintenanceModelBuilder.model($0, componentNames: names, now: now, markdown: markdown)
            })
    }

    /// The worst of some statuses; `operational` for none.
    static func worst(_ statuses: [ComponentStatus]) -> ComponentStatus {
        statuses.reduce(.operational) { $0.raised(toAtLeast: $1) }
    }
}
