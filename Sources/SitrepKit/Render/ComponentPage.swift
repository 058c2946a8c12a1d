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
    var chart: ResponseChartView?
    var percentiles: [PercentileRow]
    var checks: [CheckRow]
    var incidents: [HistoryRow]
    var maintenanceRows: [HistoryRow]
    var hasPercentiles: Bool
    var hasIncidents: Bool
    var hasMaintenance: Bool

    init(_ component: ComponentModel, root: String, context: RenderContext) {
        id = component.id
        name = component.name
        about = component.description
        groupName = component.groupID.flatMap { context.model.group($0)?.name }
        status = StatusView.of(component)
        staleNote = StaleNote.text(for: component, context: context)
        lastResult = context.time.view(component.lastResultAt)
        uptimeCells = UptimeCell.cells(component.uptime, windows: [(30, \.d30), (60, \.d60), (90, \.d90)], context: context)
        barsHTML = context.fragments.barsHTML(for: component.id)
        chart = context.fragments.chart(for: component.id)
        let l = component.latency
        percentiles = [("24 hours", l.h24), ("7 days", l.d7), ("30 days", l.d30)].compactMap { window, value in
            value.map { PercentileRow(window: window, p50: NumberFormat.milliseconds($0.p50),
                                      p95: NumberFormat.milliseconds($0.p95), p99: NumberFormat.milliseconds($0.p99)) }
        }
        checks = component.checks.map { CheckRow($0, context: context) }
        incidents = component.incidentIDs.compactMap(context.model.incident).map { HistoryRow(.incident($0), root: root, context: context) }
        maintenanceRows = component.maintenanceIDs.compactMap(context.model.maintenanceWindow).map {
            HistoryRow(.maintenance($0), root: root, context: context)
        }
        hasPercentiles = !percentiles.isEmpty
        hasIncidents = !incidents.isEmpty
        hasMaintenance = !maintenanceRows.isEmpty
    }
}

struct PercentileRow {
    var window: String
    var p50: String
    var p95: String
    var p99: String
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
        result = StatusView(check.status)
        latency = NumberFormat.milliseconds(check.latencyMs)
        httpCode = check.httpStatus.map(String.init)
        errorKind = check.errorKind?.rawValue
        errorText = check.errorMessage
        targetText = check.target
        checkedAt = context.time.view(check.at)
        phases = Self.phaseLine(check.timings)
        errorSummary = check.errorSummary
        steps = check.steps.map(StepRow.init)
        hasSteps = !steps.isEmpty
    }

    /// `DNS 1 ms · Connect 2 ms · …`; nil for a transfer that reached no phase (a name that did not resolve).
    static func phaseLine(_ timings: PhaseTimings?) -> String? {
        timings.flatMap { raw in
            let allPhases = ResponseChartView.Phase.allCases
            guard allPhases.contains(where: { $0.wasReached(raw) }) else { return nil }
            let t = ResponseChartView.monotone(raw)
            // A phase the transfer never reached (a failed connect, no TLS on plain HTTP) shows "—", not 0 ms.
            return allPhases.map { phase in
                "\(phase.label) \(NumberFormat.milliseconds(phase.wasReached(raw) ? phase.duration(t) : nil))"
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

    init(_ step: FlowStepModel) {
        stepName = step.name
        stepResult = step.status == nil ? StatusView(key: "stale", label: "Not run") : StatusView(step.status)
        stepHTTPCode = step.httpStatus.map(String.init)
        stepPhases = CheckRow.phaseLine(step.timings)
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
        case "chart": .of(chart)
        case "percentiles": .of(percentiles)
        case "checks": .of(checks)
        case "incidents": .of(incidents)
        case "maintenanceRows": .of(maintenanceRows)
        case "hasPercentiles": .of(hasPercentiles)
        case "hasIncidents": .of(hasIncidents)
        case "hasMaintenance": .of(hasMaintenance)
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

// What a template sees of this view: every stored property by its name (`PageView`).
extension PercentileRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "window": .of(window)
        case "p50": .of(p50)
        case "p95": .of(p95)
        case "p99": .of(p99)
        default: .none
        }
    }
}
