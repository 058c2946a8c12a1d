import Foundation

/// `components/<id>.html`: uptime, daily bars, response-time chart, checks, incidents and maintenance naming it.
struct ComponentPage {
    var page: PageChrome
    var component: ComponentDetail

    init(_ component: ComponentModel, context: RenderContext) {
        page = context.chrome(
            path: "components/\(component.id).html", title: component.name,
            extraAlternates: [AlternateLink(
                href: context.href("components/\(component.id).rss", root: "../"), type: "application/rss+xml",
                title: "\(component.name): incidents and maintenance (RSS)")])
        self.component = ComponentDetail(component, root: page.root, context: context)
    }
}

struct ComponentDetail {
    var id: String
    var name: String
    var about: String?
    var groupName: String?
    var status: StatusView
    var staleNote: String?
    var lastResult: TimeView?
    var uptimeCells: [UptimeCell]
    /// The daily-bars strip, rendered once from `partials/bars` (`ComponentFragments`).
    var barsHTML: String
    /// Each check's response times, in config order.
    var responseChecks: [CheckResponseView]
    var checks: [CheckRow]
    var incidents: [HistoryRow]
    var maintenanceRows: [HistoryRow]
    var hasChecks: Bool
    var hasIncidents: Bool
    var hasMaintenance: Bool
    /// How each probe location sees the component; empty (and the table left out) for one location.
    var locations: [LocationRow]
    var hasLocations: Bool

    init(_ component: ComponentModel, root: String, context: RenderContext) {
        id = component.id
        name = component.name
        about = component.description
        groupName = component.groupID.flatMap { context.model.group($0)?.name }
        status = StatusView.of(component, context.strings)
        staleNote = StaleNote.text(for: component, context: context)
        lastResult = context.time.view(component.lastResultAt)
        uptimeCells = UptimeCell.cells(component.uptime, windows: [(30, \.d30), (60, \.d60), (90, \.d90)], context: context)
        barsHTML = context.fragments.barsHTML(for: component.id)
        let charts = context.fragments.charts(for: component.id)
        responseChecks = component.checks.enumerated().map { index, check in
            CheckResponseView(check, chart: index < charts.count ? charts[index] : nil, strings: context.strings)
        }
        checks = component.checks.map { CheckRow($0, context: context) }
        incidents = component.incidentIDs.compactMap(context.incident).map { HistoryRow(.incident($0), root: root, context: context) }
        maintenanceRows = component.maintenanceIDs.compactMap(context.model.maintenanceWindow).map {
            HistoryRow(.maintenance($0), root: root, context: context)
        }
        hasChecks = !checks.isEmpty
        hasIncidents = !incidents.isEmpty
        hasMaintenance = !maintenanceRows.isEmpty
        locations = component.locations.map { LocationRow($0, context: context) }
        hasLocations = !locations.isEmpty
    }
}

/// One check with its latest result. Target and raw error text appear only when the model carries them
/// (public checks).
struct CheckRow {
    var id: String
    var type: String
    var result: StatusView
    var latency: String
    var httpCode: String?
    var errorKind: String?
    var errorText: String?
    var targetText: String?
    var checkedAt: TimeView?
    var phases: String?
    /// Which condition, capture or step failed (as configured); printed when `errorText` is not.
    var errorSummary: String?
    var steps: [StepRow]
    var hasSteps: Bool

    init(_ check: CheckModel, context: RenderContext) {
        id = check.id
        type = check.type.rawValue.uppercased()
        result = StatusView(check.status, context.strings)
        latency = NumberFormat.milliseconds(check.latencyMs)
        httpCode = check.httpStatus.map(String.init)
        errorKind = check.errorKind?.rawValue
        errorText = check.errorMessage
        targetText = check.target
        checkedAt = context.time.view(check.at)
        phases = Self.phaseLine(check.timings, context.strings)
        errorSummary = check.errorSummary
        steps = check.steps.map { StepRow($0, context.strings) }
        hasSteps = !steps.isEmpty
    }

    /// `DNS 1 ms · Connect 2 ms · …`; nil for a transfer that reached no phase (a name that did not resolve).
    static func phaseLine(_ timings: PhaseTimings?, _ strings: UIStrings) -> String? {
        timings.flatMap { raw in
            let allPhases = ResponseChartView.Phase.allCases
            guard allPhases.contains(where: { $0.wasReached(raw) }) else { return nil }
            let t = ResponseChartView.monotone(raw)
            // A phase the transfer never reached (a failed connect, no TLS on plain HTTP) shows "—", not 0 ms.
            return allPhases.map { phase in
                "\(phase.label(strings)) \(NumberFormat.milliseconds(phase.wasReached(raw) ? phase.duration(t) : nil))"
            }.joined(separator: " · ")
        }
    }
}

/// One step of a flow check: its status (or "Not run"), HTTP status, phase timings and what failed. Its names
/// differ from `CheckRow`'s, so a step without a value never shows its check's (Mustache looks up the stack).
struct StepRow {
    var stepName: String
    var stepResult: StatusView
    var stepHTTPCode: String?
    var stepPhases: String?
    var stepErrorKind: String?
    var stepErrorSummary: String?
    var stepErrorText: String?

    init(_ step: FlowStepModel, _ strings: UIStrings) {
        stepName = step.name
        stepResult = step.status == nil ? StatusView(key: "stale", label: strings["check.not_run"]) : StatusView(step.status, strings)
        stepHTTPCode = step.httpStatus.map(String.init)
        stepPhases = CheckRow.phaseLine(step.timings, strings)
        stepErrorKind = step.errorKind?.rawValue
        stepErrorSummary = step.errorSummary
        stepErrorText = step.errorMessage
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension StepRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "stepName": .of(stepName)
        case "stepResult": .of(stepResult)
        case "stepHTTPCode": .of(stepHTTPCode)
        case "stepPhases": .of(stepPhases)
        case "stepErrorKind": .of(stepErrorKind)
        case "stepErrorSummary": .of(stepErrorSummary)
        case "stepErrorText": .of(stepErrorText)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension CheckRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "id": .of(id)
        case "type": .of(type)
        case "result": .of(result)
        case "latency": .of(latency)
        case "httpCode": .of(httpCode)
        case "errorKind": .of(errorKind)
        case "errorText": .of(errorText)
        case "targetText": .of(targetText)
        case "checkedAt": .of(checkedAt)
        case "phases": .of(phases)
        case "errorSummary": .of(errorSummary)
        case "steps": .of(steps)
        case "hasSteps": .of(hasSteps)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ComponentDetail: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "id": .of(id)
        case "name": .of(name)
        case "about": .of(about)
        case "groupName": .of(groupName)
        case "status": .of(status)
        case "staleNote": .of(staleNote)
        case "lastResult": .of(lastResult)
        case "uptimeCells": .of(uptimeCells)
        case "barsHTML": .of(barsHTML)
        case "responseChecks": .of(responseChecks)
        case "checks": .of(checks)
        case "incidents": .of(incidents)
        case "maintenanceRows": .of(maintenanceRows)
        case "hasChecks": .of(hasChecks)
        case "hasIncidents": .of(hasIncidents)
        case "hasMaintenance": .of(hasMaintenance)
        case "locations": .of(locations)
        case "hasLocations": .of(hasLocations)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ComponentPage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": .of(page)
        case "component": .of(component)
        default: .none
        }
    }
}
