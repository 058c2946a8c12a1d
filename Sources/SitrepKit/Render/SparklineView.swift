import Foundation

/// A small inline SVG line of total response time for the index page: the component's first check (in config
/// order) with two points to draw, never a mean over checks of different kinds.
struct SparklineView {
    var width: Int
    var height: Int
    var path: String
    var label: String
    var average: String

    /// nil when there are fewer than two points to draw.
    init?(component: ComponentModel, strings: UIStrings) {
        func totals(_ check: CheckModel) -> [Double] { check.responseTimes.map(\.timings.totalMs).filter(\.isFinite) }
        guard let check = component.checks.first(where: { totals($0).count >= 2 }) else { return nil }
        let totals = totals(check)
        let width = 120, height = 28
        self.width = width
        self.height = height
        let top = max(totals.max() ?? 1, 1)
        let step = Double(width - 4) / Double(totals.count - 1)
        var d = SVGPathData()
        for (index, value) in totals.enumerated() {
            let x = 2 + Double(index) * step
            let y = Double(height) - 2 - value / top * Double(height - 4)
            if index == 0 { d.move(x, y) } else { d.line(x, y) }
        }
        path = d.text
        average = NumberFormat.milliseconds(totals.reduce(0, +) / Double(totals.count))
        label = strings.text("response.spark_label", ["component": component.name, "check": check.id, "average": average,
                                                      "peak": NumberFormat.milliseconds(totals.max())])
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension SparklineView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "width": .of(width)
        case "height": .of(height)
        case "path": .of(path)
        case "label": .of(label)
        case "average": .of(average)
        default: .none
        }
    }
}
