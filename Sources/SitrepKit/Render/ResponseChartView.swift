import Foundation

/// One check's response-time chart on the component page: stacked areas of the cumulative phase timings the
/// check reaches (an HTTP check's DNS, connect, TLS, first byte and transfer; a TCP check's DNS and connect; a DNS
/// check's lookup), a worded legend and a data table. The plot is an SVG stretched to the width of the page;
/// its axis labels are HTML beside and under it, so they keep their size on a phone and never overlap.
struct ResponseChartView {
    var viewWidth: Int
    var viewHeight: Int
    var label: String
    var areas: [ChartArea]
    /// Top, middle and bottom of the plot, top first.
    var gridlines: [ChartGridline]
    /// First, middle (from three points on) and last time, in order.
    var xLabels: [ChartAxisLabel]
    var legend: [ChartLegendItem]
    /// The data table's rows, for a theme that lays them out itself.
    var rows: [ChartRow]
    /// Every row rendered from `partials/chart-row`, as the default theme prints them.
    var rowsMarkup: String

    /// The partial each table row is rendered with.
    static let rowTemplate = "partials/chart-row"

    private static let plotTop = 4.0
    private static let plotBottom = 196.0

    /// nil when there are fewer than two points to draw.
    init?(check: CheckModel, context: RenderContext) {
        let raw = check.responseTimes
        let points = raw.map { ($0.at, Self.monotone($0.timings)) }
        guard points.count >= 2, let first = points.first?.0, let last = points.last?.0 else { return nil }
        viewWidth = 720
        viewHeight = 200
        let width = Double(viewWidth)
        let top = Self.niceCeiling(points.map(\.1.totalMs).max() ?? 1)
        let step = width / Double(points.count - 1)
        func x(_ index: Int) -> Double { Double(index) * step }
        func y(_ value: Double) -> Double { Self.plotBottom - value / top * (Self.plotBottom - Self.plotTop) }

        // The phases this check reaches at all: a TCP check has no TLS, first byte or transfer.
        let reached = Phase.allCases.filter { phase in raw.contains { phase.wasReached($0.timings) } }
        let phases = reached.isEmpty ? Phase.allCases : reached
        areas = phases.reversed().map { phase in
            var d = SVGPathData()
            d.move(x(0), Self.plotBottom)
            for (index, point) in points.enumerated() {
                d.line(x(index), y(phase.cumulative(point.1)))
            }
            d.line(x(points.count - 1), Self.plotBottom)
            d.close()
            return ChartArea(key: phase.key, label: phase.label(context.strings), path: d.text)
        }
        gridlines = [1.0, 0.5, 0.0].map { share in
            ChartGridline(y: NumberFormat.coordinate(y(top * share)), label: NumberFormat.milliseconds(top * share))
        }
        // Two points have no middle: their middle would be the last one, named twice.
        let middle = points.count >= 3 ? [ChartAxisLabel(position: "middle", label: context.time.short(points[points.count / 2].0))] : []
        xLabels = [ChartAxisLabel(position: "start", label: context.time.short(first))] + middle
            + [ChartAxisLabel(position: "end", label: context.time.short(last))]
        legend = phases.map { phase in
            let mean = points.map { phase.duration($0.1) }.reduce(0, +) / Double(points.count)
            return ChartLegendItem(key: phase.key, label: phase.label(context.strings), value: NumberFormat.milliseconds(mean))
        }
        rows = zip(raw, points).map { point, cumulative in
            let (at, timings) = cumulative
            func shown(_ phase: Phase, _ value: Double) -> String {
                phase.wasReached(point.timings) ? NumberFormat.milliseconds(value) : "—"
            }
            return ChartRow(time: context.time.view(at), dns: shown(.dns, timings.dnsMs), connect: shown(.connect, timings.connectMs),
                            tls: shown(.tls, timings.tlsMs), ttfb: shown(.ttfb, timings.ttfbMs),
                            total: NumberFormat.milliseconds(timings.totalMs))
        }
        rowsMarkup = ""
        let span = context.duration(from: first, to: last)
        label = context.strings.text("response.chart_label", ["check": check.id, "type": check.type.rawValue.uppercased(), "duration": span,
                                                              "peak": NumberFormat.milliseconds(points.map(\.1.totalMs).max())])
    }

    /// Cumulative timings can skip a phase (no TLS on plain HTTP reports 0): carry the previous phase forward.
    static func monotone(_ t: PhaseTimings) -> PhaseTimings {
        let dns = max(t.dnsMs, 0)
        let connect = max(t.connectMs, dns)
        let tls = max(t.tlsMs, connect)
        let ttfb = max(t.ttfbMs, tls)
        return PhaseTimings(dnsMs: dns, connectMs: connect, tlsMs: tls, ttfbMs: ttfb, totalMs: max(t.totalMs, ttfb))
    }

    /// 1, 2 or 5 times a power of ten, at least `value` (and at least 10 ms).
    static func niceCeiling(_ value: Double) -> Double {
        guard value.isFinite, value > 10 else { return 10 }
        let magnitude = pow(10, floor(log10(value)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= value {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// The bands of the stack, bottom to top.
    enum Phase: CaseIterable {
        case dns, connect, tls, ttfb, transfer

        var key: String {
            switch self {
            case .dns: "dns"
            case .connect: "connect"
            case .tls: "tls"
            case .ttfb: "ttfb"
            case .transfer: "transfer"
            }
        }

        /// `DNS`, `Connect`, `TLS`, `Time to first byte`, `Transfer` in the language of `strings` (`phase.<key>`).
        func label(_ strings: UIStrings) -> String { strings["phase.\(key)"] }

        func cumulative(_ t: PhaseTimings) -> Double {
            switch self {
            case .dns: t.dnsMs
            case .connect: t.connectMs
            case .tls: t.tlsMs
            case .ttfb: t.ttfbMs
            case .transfer: t.totalMs
            }
        }

        /// Whether a transfer with these raw timings got through this phase: curl reports 0 for a phase it
        /// never completed, and the transfer phase needs a first byte.
        func wasReached(_ t: PhaseTimings) -> Bool {
            switch self {
            case .transfer: t.ttfbMs > 0 && t.totalMs > 0
            default: cumulative(t) > 0
            }
        }

        func duration(_ t: PhaseTimings) -> Double {
            switch self {
            case .dns: t.dnsMs
            case .connect: t.connectMs - t.dnsMs
            case .tls: t.tlsMs - t.connectMs
            case .ttfb: t.ttfbMs - t.tlsMs
            case .transfer: t.totalMs - t.ttfbMs
            }
        }
    }
}

struct ChartArea {
    var key: String
    var label: String
    var path: String
}

struct ChartGridline {
    var y: String
    var label: String
}

/// A time under the plot; `position` (`start`, `middle`, `end`) says where.
struct ChartAxisLabel {
    var position: String
    var label: String
}

struct ChartLegendItem {
    var key: String
    var label: String
    var value: String
}

/// One row of the response-time table, all `partials/chart-row` sees.
struct ChartRow {
    var time: TimeView
    var dns: String
    var connect: String
    var tls: String
    var ttfb: String
    var total: String
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ChartArea: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "key": .of(key)
        case "label": .of(label)
        case "path": .of(path)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ChartAxisLabel: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "position": .of(position)
        case "label": .of(label)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ChartGridline: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "y": .of(y)
        case "label": .of(label)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ChartLegendItem: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "key": .of(key)
        case "label": .of(label)
        case "value": .of(value)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ChartRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "time": .of(time)
        case "dns": .of(dns)
        case "connect": .of(connect)
        case "tls": .of(tls)
        case "ttfb": .of(ttfb)
        case "total": .of(total)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension ResponseChartView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "viewWidth": .of(viewWidth)
        case "viewHeight": .of(viewHeight)
        case "label": .of(label)
        case "areas": .of(areas)
        case "gridlines": .of(gridlines)
        case "xLabels": .of(xLabels)
        case "legend": .of(legend)
        case "rows": .of(rows)
        case "rowsMarkup": .of(rowsMarkup)
        default: .none
        }
    }
}
