import Foundation

/// One check's response times on its component's page: its own chart and its own percentiles, never mixed with
/// another check's (an HTTP check's hundreds of milliseconds and a DNS lookup's one are different things).
struct CheckResponseView {
    var id: String
    var type: String
    var chart: ResponseChartView?
    var percentiles: [PercentileRow]
    var hasPercentiles: Bool
    /// What stands where the chart would: nil when there is a chart.
    var chartNote: String?

    init(_ check: CheckModel, chart: ResponseChartView?, strings: UIStrings) {
        id = check.id
        type = check.type.rawValue.uppercased()
        self.chart = chart
        let l = check.latency
        percentiles = [(strings["uptime.hours_24"], l.h24), (strings.days(7), l.d7), (strings.days(30), l.d30)].compactMap { window, value in
            value.map { PercentileRow(window: window, p50: NumberFormat.milliseconds($0.p50),
                                      p95: NumberFormat.milliseconds($0.p95), p99: NumberFormat.milliseconds($0.p99)) }
        }
        hasPercentiles = !percentiles.isEmpty
        chartNote = switch (chart, hasPercentiles || !check.responseTimes.isEmpty) {
        case (.some, _): nil
        case (nil, true): strings["response.chart_later"]
        case (nil, false): strings["response.no_data"]
        }
    }
}

struct PercentileRow {
    var window: String
    var p50: String
    var p95: String
    var p99: String
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension CheckResponseView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "id": .of(id)
        case "type": .of(type)
        case "chart": .of(chart)
        case "percentiles": .of(percentiles)
        case "hasPercentiles": .of(hasPercentiles)
        case "chartNote": .of(chartNote)
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
