import Foundation

/// `history.html` (the last `history_days`) and `history/<YYYY>.html` (older items of one year).
struct HistoryPage {
    var page: PageChrome
    var heading: String
    var intro: String
    var months: [MonthGroup]
    var years: [YearLink]
    var isYearPage: Bool
    var hasMonths: Bool
    var hasYears: Bool

    init(page: PageChrome, heading: String, intro: String, months: [MonthGroup], years: [YearLink], isYearPage: Bool) {
        self.page = page
        self.heading = heading
        self.intro = intro
        self.months = months
        self.years = years
        self.isYearPage = isYearPage
        hasMonths = !months.isEmpty
        hasYears = !years.isEmpty
    }

    static func recent(context: RenderContext) -> HistoryPage {
        let strings = context.strings
        let page = context.chrome(path: "history.html", title: strings["history.title"])
        let days = context.model.site.historyDays
        return HistoryPage(
            page: page, heading: strings["history.heading"],
            intro: strings.text("history.intro", ["days": "\(days)"]),
            months: MonthGroup.group(context.model.recentHistory, root: page.root, context: context),
            years: YearLink.all(context: context, root: page.root), isYearPage: false)
    }

    static func year(_ year: HistoryYear, context: RenderContext) -> HistoryPage {
        let strings = context.strings
        let heading = strings.text("history.year_heading", ["year": "\(year.year)"])
        let page = context.chrome(path: "history/\(year.year).html", title: heading)
        return HistoryPage(
            page: page, heading: heading,
            intro: strings.text("history.year_intro", ["year": "\(year.year)", "days": "\(context.model.site.historyDays)"]),
            months: MonthGroup.group(year.items, root: page.root, context: context),
            years: YearLink.all(context: context, root: page.root), isYearPage: true)
    }
}

struct YearLink {
    var year: String
    var href: String

    static func all(context: RenderContext, root: String) -> [YearLink] {
        context.model.olderHistoryByYear.map { YearLink(year: String($0.year), href: context.href("history/\($0.year).html", root: root)) }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension HistoryPage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": .of(page)
        case "heading": .of(heading)
        case "intro": .of(intro)
        case "months": .of(months)
        case "years": .of(years)
        case "isYearPage": .of(isYearPage)
        case "hasMonths": .of(hasMonths)
        case "hasYears": .of(hasYears)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension YearLink: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "year": .of(year)
        case "href": .of(href)
        default: .none
        }
    }
}
