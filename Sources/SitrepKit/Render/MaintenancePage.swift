import Foundation

/// `maintenance/<id>.html`: the window, its state, components, updates and body.
struct MaintenancePage {
    var page: PageChrome
    var window: MaintenanceDetail

    init(_ window: MaintenanceModel, context: RenderContext) {
        page = context.chrome(path: "maintenance/\(window.id).html", title: window.title)
        self.window = MaintenanceDetail(window, root: page.root, context: context)
    }
}

struct MaintenanceDetail {
    var title: String
    var state: StatusView
    var isCancelled: Bool
    var from: TimeView
    var until: TimeView
    var length: String
    var affected: [AffectedRow]
    var updates: [UpdateRow]
    var hasAffected: Bool
    var hasUpdates: Bool
    var bodyHTML: String?

    init(_ window: MaintenanceModel, root: String, context: RenderContext) {
        title = window.title
        state = StatusView(window.state, context.strings)
        isCancelled = window.state == .cancelled
        from = context.time.view(window.scheduledFor)
        until = context.time.view(window.scheduledUntil)
        length = context.duration(from: window.scheduledFor, to: window.scheduledUntil)
        affected = window.components.map { AffectedRow($0, root: root, context: context) }
        updates = window.updates.map { update in
            UpdateRow(state: update.state.map { StatusView($0, context.strings) }
                          ?? StatusView(key: "update", icon: "incident", label: context.strings["maintenance.update"]),
                      at: context.time.view(update.at), etaAt: nil, messageHTML: update.messageHTML)
        }
        hasAffected = !affected.isEmpty
        hasUpdates = !updates.isEmpty
        bodyHTML = window.bodyHTML
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension MaintenanceDetail: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "title": .of(title)
        case "state": .of(state)
        case "isCancelled": .of(isCancelled)
        case "from": .of(from)
        case "until": .of(until)
        case "length": .of(length)
        case "affected": .of(affected)
        case "updates": .of(updates)
        case "hasAffected": .of(hasAffected)
        case "hasUpdates": .of(hasUpdates)
        case "bodyHTML": .of(bodyHTML)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension MaintenancePage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": .of(page)
        case "window": .of(window)
        default: .none
        }
    }
}
