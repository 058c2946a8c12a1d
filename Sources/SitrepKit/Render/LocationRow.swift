import Foundation

/// One probe location on the component page: how it sees the component, its mean latency and its newest result
/// time; a location with no recent result says so (it is left out of the vote).
struct LocationRow {
    var locationName: String
    var locationStatus: StatusView
    var locationLatency: String
    var locationCheckedAt: TimeView?
    var locationStale: Bool

    init(_ location: LocationStatusModel, context: RenderContext) {
        locationName = location.name
        let noRecentData = StatusView(key: "stale", label: context.strings["status.no_recent_data"])
        locationStatus = location.isStale ? noRecentData : location.status.map { StatusView($0, context.strings) } ?? noRecentData
        locationLatency = NumberFormat.milliseconds(location.latencyMs)
        locationCheckedAt = context.time.view(location.lastResultAt)
        locationStale = location.isStale
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension LocationRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "locationName": .of(locationName)
        case "locationStatus": .of(locationStatus)
        case "locationLatency": .of(locationLatency)
        case "locationCheckedAt": .of(locationCheckedAt)
        case "locationStale": .of(locationStale)
        default: .none
        }
    }
}
