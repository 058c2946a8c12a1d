import Foundation

/// The words of a daily bar's details (`DailyBarsView.title(of:context:)`), looked up once per render context:
/// a build writes 45,000 of these titles, and looking each text up by key, hashing the key every time, was a
/// third of their cost.
struct BarTitleWords {
    let noData: String
    let uptime: String
    let worst: String
    /// `status.<raw value>` of each status.
    let statuses: [ComponentStatus: String]
    let maintenance: String
    let incident: String
    let noIncidents: String
    /// `number.decimal` and `number.percent`, for `uptime(_:)`.
    private let decimal: String
    private let percent: String

    init(_ strings: UIStrings) {
        noData = strings["number.no_data"]
        uptime = strings["bars.uptime"]
        worst = strings["bars.worst"]
        statuses = Dictionary(uniqueKeysWithValues: ComponentStatus.allCases.map { ($0, strings["status.\($0.rawValue)"]) })
        maintenance = strings["bars.maintenance"]
        incident = strings["bars.incident"]
        noIncidents = strings["bars.no_incidents"]
        decimal = strings["number.decimal"]
        percent = strings["number.percent"]
    }

    /// `UIStrings.uptime(_:)`, from the words looked up here.
    func uptime(_ value: Double?) -> String {
        UIStrings.uptime(value, noData: noData, decimal: decimal, pattern: percent)
    }
}
