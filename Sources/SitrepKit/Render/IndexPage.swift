import Foundation

/// `index.html`: banner, active incidents and maintenance, components by group with daily bars, upcoming
/// maintenance and the last days' incidents.
struct IndexPage {
    var page: PageChrome
    var indicator: String
    var banner: StatusView
    var activeIncidents: [IncidentCard]
    var activeMaintenance: [MaintenanceCard]
    var upcomingMaintenance: [MaintenanceCard]
    var hasActiveIncidents: Bool
    var hasActiveMaintenance: Bool
    var hasUpcomingMaintenance: Bool
    var sections: [ComponentSection]
    var historyDays: Int
    /// How many of them a phone shows; nil when it shows them all.
    var narrowDays: Int?
    var pastDays: [PastDay]

    init(context: RenderContext) {
        let model = context.model
        let page = context.chrome(path: "index.html", title: nil)
        let root = page.root
        self.page = page
        indicator = model.indicator.rawValue
        banner = StatusView(model.indicator, context.strings)
        activeIncidents = model.activeIncidents.map { IncidentCard($0, root: root, context: context) }
        activeMaintenance = model.activeMaintenance.map { MaintenanceCard($0, root: root, context: context) }
        upcomingMaintenance = model.upcomingMaintenance.map { MaintenanceCard($0, root: root, context: context) }
        hasActiveIncidents = !activeIncidents.isEmpty
        hasActiveMaintenance = !activeMaintenance.isEmpty
        hasUpcomingMaintenance = !upcomingMaintenance.isEmpty
        sections = ComponentSection.sections(of: model, root: root, context: context)
        historyDays = model.site.historyDays
        narrowDays = historyDays > DailyBarsView.narrowDays ? DailyBarsView.narrowDays : nil
        pastDays = PastDay.days(root: root, context: context)
    }
}

/// A run of components: a group (named, with its worst status) or ungrouped components between groups.
struct ComponentSection {
    var isGroup: Bool
    var groupID: String
    var groupName: String
    var groupStatus: StatusView
    var rows: [ComponentRow]

    /// Walks the components in config order; a group appears where its first member does.
    static func sections(of model: SiteModel, root: String, context: RenderContext) -> [ComponentSection] {
        var sections: [ComponentSection] = []
        var placedGroups: Set<String> = []
        for component in model.components {
            if let groupID = component.groupID, let group = model.group(groupID) {
                guard placedGroups.insert(groupID).inserted else { continue }
                let members = model.components.filter { $0.groupID == groupID }
                sections.append(ComponentSection(
                    isGroup: true, groupID: group.id, groupName: group.name, groupStatus: StatusView(group.status, context.strings),
                    rows: members.map { ComponentRow($0, root: root, context: context) }))
            } else if let last = sections.indices.last, !sections[last].isGroup {
                sections[last].rows.append(ComponentRow(component, root: root, context: context))
            } else {
                sections.append(ComponentSection(
                    isGroup: false, groupID: "", groupName: "", groupStatus: StatusView(.operational, context.strings),
                    rows: [ComponentRow(component, root: root, context: context)]))
            }
        }
        return sections
    }
}

/// One component on the index page.
struct ComponentRow {
    var id: String
    var name: String
    var href: String
    var about: String?
    var status: StatusView
    var staleNote: String?
    /// The daily-bars strip, rendered once from `partials/bars` (`ComponentFragments`).
    var barsHTML: String
    var uptimeCells: [UptimeCell]
    var spark: SparklineView?

    init(_ component: ComponentModel, root: String, context: RenderContext) {
        id = component.id
        name = component.name
        href = context.href("components/\(component.id).html", root: root)
        about = component.description
        status = StatusView.of(component, context.strings)
        staleNote = StaleNote.text(for: component, context: context)
        barsHTML = context.fragments.barsHTML(for: component.id)
        uptimeCells = UptimeCell.cells(component.uptime, windows: [(1, \.h24), (7, \.d7), (30, \.d30), (90, \.d90)],
                                       context: context)
        spark = SparklineView(component: component, strings: context.strings)
    }
}

/// One uptime window: `30 days` `99.95%`, and when the data is younger than the window, where it begins:
/// `90 days` `100%` `since 6 Dec 2026, 19:00 UTC`.
struct UptimeCell {
    var window: String
    var value: String
    /// Set only when the window holds data but it starts after the window does.
    var since: TimeView?

    init(_ window: String, _ value: Double?, since: TimeView? = nil, strings: UIStrings) {
        self.window = window
        self.value = strings.uptime(value)
        self.since = value == nil ? nil : since
    }

    /// One cell per window of `days`, labelled `24 hours` or `N days`.
    static func cells(_ uptime: UptimeWindows, windows: [(days: Int, value: KeyPath<UptimeWindows, Double?>)],
                      context: RenderContext) -> [UptimeCell] {
        let now = context.model.generatedAt
        return windows.map { days, value in
            let since = uptime.partialSince(windowStart: now.addingTimeInterval(-Double(days) * 86_400))
            return UptimeCell(days == 1 ? context.strings["uptime.hours_24"] : context.strings.days(days), uptime[keyPath: value],
                              since: context.time.view(since), strings: context.strings)
        }
    }
}

/// What a page says about a component without recent results.
enum StaleNote {
    static func text(for component: ComponentModel, context: RenderContext) -> String? {
        guard component.isStale else { return nil }
        guard let last = component.lastResultAt else { return context.strings["status.stale_never"] }
        return context.strings.text("status.stale_since", ["time": context.time.view(last).text])
    }
}

/// An unresolved incident on the index page: the latest update and its ETA.
struct IncidentCard {
    var title: String
    var href: String
    var tone: String
    var impactLabel: String
    var state: StatusView
    var latestHTML: String
    var latestAt: TimeView
    var etaAt: TimeView?
    var affects: String?

    init(_ incident: IncidentModel, root: String, context: RenderContext) {
        title = incident.title
        href = context.href("incidents/\(incident.id).html", root: root)
        tone = "impact-\(incident.impact.rawValue)"
        impactLabel = incident.impact.label(context.strings)
        state = StatusView(incident.status, context.strings)
        latestHTML = incident.latestUpdate?.messageHTML ?? ""
        latestAt = context.time.view(incident.latestUpdate?.at ?? incident.updatedAt)
        etaAt = context.time.view(incident.currentETA)
        affects = HistoryRow.affects(incident.components, context.strings)
    }
}

/// A scheduled or in-progress maintenance window on the index page.
struct MaintenanceCard {
    var title: String
    var href: String
    var state: StatusView
    var from: TimeView
    var until: TimeView
    var affects: String?
    var latestHTML: String?

    init(_ window: MaintenanceModel, root: String, context: RenderContext) {
        title = window.title
        href = context.href("maintenance/\(window.id).html", root: root)
        state = StatusView(window.state, context.strings)
        from = context.time.view(window.scheduledFor)
        until = context.time.view(window.scheduledUntil)
        affects = HistoryRow.affects(window.components, context.strings)
        latestHTML = window.updates.first?.messageHTML
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ComponentRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "id": .of(id)
        case "name": .of(name)
        case "href": .of(href)
        case "about": .of(about)
        case "status": .of(status)
        case "staleNote": .of(staleNote)
        case "barsHTML": .of(barsHTML)
        case "uptimeCells": .of(uptimeCells)
        case "spark": .of(spark)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ComponentSection: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "isGroup": .of(isGroup)
        case "groupID": .of(groupID)
        case "groupName": .of(groupName)
        case "groupStatus": .of(groupStatus)
        case "rows": .of(rows)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension IncidentCard: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "title": .of(title)
        case "href": .of(href)
        case "tone": .of(tone)
        case "impactLabel": .of(impactLabel)
        case "state": .of(state)
        case "latestHTML": .of(latestHTML)
        case "latestAt": .of(latestAt)
        case "etaAt": .of(etaAt)
        case "affects": .of(affects)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension IndexPage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": .of(page)
        case "indicator": .of(indicator)
        case "banner": .of(banner)
        case "activeIncidents": .of(activeIncidents)
        case "activeMaintenance": .of(activeMaintenance)
        case "upcomingMaintenance": .of(upcomingMaintenance)
        case "hasActiveIncidents": .of(hasActiveIncidents)
        case "hasActiveMaintenance": .of(hasActiveMaintenance)
        case "hasUpcomingMaintenance": .of(hasUpcomingMaintenance)
        case "sections": .of(sections)
        case "historyDays": .of(historyDays)
        case "narrowDays": .of(narrowDays)
        case "pastDays": .of(pastDays)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension MaintenanceCard: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "title": .of(title)
        case "href": .of(href)
        case "state": .of(state)
        case "from": .of(from)
        case "until": .of(until)
        case "affects": .of(affects)
        case "latestHTML": .of(latestHTML)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension UptimeCell: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "window": .of(window)
        case "value": .of(value)
        case "since": .of(since)
        default: .none
        }
    }
}
