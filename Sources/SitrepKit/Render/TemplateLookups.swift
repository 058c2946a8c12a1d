import Mustache

// How templates see the page views: `{{name}}` is the stored property of that name.
//
// swift-mustache falls back to a fresh `Mirror` for every lookup in a plain struct, and again on every level
// of the context stack it searches; for a site of hundreds of components that reflection was most of the
// build. Each view therefore answers lookups itself, with the same results as reflection: every stored
// property by its name, and an empty optional as no answer (so the lookup falls through to the enclosing
// context). A property added to a view must be added here too; `TemplateLookupTests` fails otherwise.
// Strings are answered as `TemplateText`, which swift-mustache prints with fewer dynamic casts. The answers are
// typed (`PageView`), so a page filled in from its shape reads them without casting.

/// A stored property as a lookup answers it: a string as text (`TemplateText` for swift-mustache), a flag, a
/// view or a list of views, anything else as it is, and an empty optional as no answer.
private func lookup(_ text: String) -> ViewValue { .text(text) }
private func lookup(_ text: String?) -> ViewValue { text.map { .text($0) } ?? .none }
private func lookup(_ flag: Bool) -> ViewValue { .bool(flag) }
private func lookup(_ view: some PageView) -> ViewValue { .view(view) }
private func lookup(_ view: (some PageView)?) -> ViewValue { view.map { .view($0) } ?? .none }
private func lookup(_ views: [some PageView]) -> ViewValue { .views(views) }
private func lookup<Value>(_ value: Value) -> ViewValue { .other(value) }
private func lookup<Value>(_ value: Value?) -> ViewValue { value.map { .other($0) } ?? .none }

extension AffectedRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "name": lookup(name)
        case "href": lookup(href)
        case "effect": lookup(effect)
        default: .none
        }
    }
}

extension AlternateLink: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "href": lookup(href)
        case "type": lookup(type)
        case "title": lookup(title)
        default: .none
        }
    }
}

extension BarView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "x": lookup(x)
        case "width": lookup(width)
        case "height": lookup(height)
        case "key": lookup(key)
        case "title": lookup(title)
        default: .none
        }
    }
}

extension ChartArea: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "key": lookup(key)
        case "label": lookup(label)
        case "path": lookup(path)
        default: .none
        }
    }
}

extension ChartAxisLabel: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "x": lookup(x)
        case "anchor": lookup(anchor)
        case "label": lookup(label)
        default: .none
        }
    }
}

extension ChartGridline: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "y": lookup(y)
        case "labelY": lookup(labelY)
        case "label": lookup(label)
        default: .none
        }
    }
}

extension ChartLegendItem: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "key": lookup(key)
        case "label": lookup(label)
        case "value": lookup(value)
        default: .none
        }
    }
}

extension ChartRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "time": lookup(time)
        case "dns": lookup(dns)
        case "connect": lookup(connect)
        case "tls": lookup(tls)
        case "ttfb": lookup(ttfb)
        case "total": lookup(total)
        default: .none
        }
    }
}

extension CheckRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "id": lookup(id)
        case "type": lookup(type)
        case "result": lookup(result)
        case "latency": lookup(latency)
        case "httpCode": lookup(httpCode)
        case "errorKind": lookup(errorKind)
        case "errorText": lookup(errorText)
        case "targetText": lookup(targetText)
        case "checkedAt": lookup(checkedAt)
        case "phases": lookup(phases)
        default: .none
        }
    }
}

extension ComponentDetail: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "id": lookup(id)
        case "name": lookup(name)
        case "about": lookup(about)
        case "groupName": lookup(groupName)
        case "status": lookup(status)
        case "staleNote": lookup(staleNote)
        case "lastResult": lookup(lastResult)
        case "uptimeCells": lookup(uptimeCells)
        case "barsHTML": lookup(barsHTML)
        case "chart": lookup(chart)
        case "percentiles": lookup(percentiles)
        case "checks": lookup(checks)
        case "incidents": lookup(incidents)
        case "maintenanceRows": lookup(maintenanceRows)
        case "hasPercentiles": lookup(hasPercentiles)
        case "hasIncidents": lookup(hasIncidents)
        case "hasMaintenance": lookup(hasMaintenance)
        default: .none
        }
    }
}

extension ComponentPage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": lookup(page)
        case "component": lookup(component)
        default: .none
        }
    }
}

extension ComponentRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "id": lookup(id)
        case "name": lookup(name)
        case "href": lookup(href)
        case "about": lookup(about)
        case "status": lookup(status)
        case "staleNote": lookup(staleNote)
        case "barsHTML": lookup(barsHTML)
        case "uptimeCells": lookup(uptimeCells)
        case "spark": lookup(spark)
        default: .none
        }
    }
}

extension ComponentSection: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "isGroup": lookup(isGroup)
        case "groupID": lookup(groupID)
        case "groupName": lookup(groupName)
        case "groupStatus": lookup(groupStatus)
        case "rows": lookup(rows)
        default: .none
        }
    }
}

extension DailyBarsView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "viewWidth": lookup(viewWidth)
        case "viewHeight": lookup(viewHeight)
        case "label": lookup(label)
        case "bars": lookup(bars)
        case "barsMarkup": lookup(barsMarkup)
        case "startLabel": lookup(startLabel)
        case "summary": lookup(summary)
        default: .none
        }
    }
}

extension HistoryPage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": lookup(page)
        case "heading": lookup(heading)
        case "intro": lookup(intro)
        case "months": lookup(months)
        case "years": lookup(years)
        case "isYearPage": lookup(isYearPage)
        case "hasMonths": lookup(hasMonths)
        case "hasYears": lookup(hasYears)
        default: .none
        }
    }
}

extension HistoryRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "kind": lookup(kind)
        case "kindLabel": lookup(kindLabel)
        case "itemTitle": lookup(itemTitle)
        case "href": lookup(href)
        case "state": lookup(state)
        case "tone": lookup(tone)
        case "impactLabel": lookup(impactLabel)
        case "when": lookup(when)
        case "period": lookup(period)
        case "affects": lookup(affects)
        default: .none
        }
    }
}

extension IncidentCard: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "title": lookup(title)
        case "href": lookup(href)
        case "tone": lookup(tone)
        case "impactLabel": lookup(impactLabel)
        case "state": lookup(state)
        case "latestHTML": lookup(latestHTML)
        case "latestAt": lookup(latestAt)
        case "etaAt": lookup(etaAt)
        case "affects": lookup(affects)
        default: .none
        }
    }
}

extension IncidentDetail: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "title": lookup(title)
        case "tone": lookup(tone)
        case "impactLabel": lookup(impactLabel)
        case "state": lookup(state)
        case "affected": lookup(affected)
        case "hasAffected": lookup(hasAffected)
        case "started": lookup(started)
        case "resolved": lookup(resolved)
        case "period": lookup(period)
        case "rootCause": lookup(rootCause)
        case "updates": lookup(updates)
        case "bodyHTML": lookup(bodyHTML)
        default: .none
        }
    }
}

extension IncidentPage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": lookup(page)
        case "incident": lookup(incident)
        default: .none
        }
    }
}

extension IndexPage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": lookup(page)
        case "indicator": lookup(indicator)
        case "banner": lookup(banner)
        case "activeIncidents": lookup(activeIncidents)
        case "activeMaintenance": lookup(activeMaintenance)
        case "upcomingMaintenance": lookup(upcomingMaintenance)
        case "hasActiveIncidents": lookup(hasActiveIncidents)
        case "hasActiveMaintenance": lookup(hasActiveMaintenance)
        case "hasUpcomingMaintenance": lookup(hasUpcomingMaintenance)
        case "sections": lookup(sections)
        case "historyDays": lookup(historyDays)
        default: .none
        }
    }
}

extension MaintenanceCard: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "title": lookup(title)
        case "href": lookup(href)
        case "state": lookup(state)
        case "from": lookup(from)
        case "until": lookup(until)
        case "affects": lookup(affects)
        case "latestHTML": lookup(latestHTML)
        default: .none
        }
    }
}

extension MaintenanceDetail: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "title": lookup(title)
        case "state": lookup(state)
        case "isCancelled": lookup(isCancelled)
        case "from": lookup(from)
        case "until": lookup(until)
        case "length": lookup(length)
        case "affected": lookup(affected)
        case "updates": lookup(updates)
        case "hasAffected": lookup(hasAffected)
        case "hasUpdates": lookup(hasUpdates)
        case "bodyHTML": lookup(bodyHTML)
        default: .none
        }
    }
}

extension MaintenancePage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": lookup(page)
        case "window": lookup(window)
        default: .none
        }
    }
}

extension MonthGroup: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "heading": lookup(heading)
        case "rows": lookup(rows)
        default: .none
        }
    }
}

extension PageChrome: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "documentTitle": lookup(documentTitle)
        case "siteTitle": lookup(siteTitle)
        case "siteDescription": lookup(siteDescription)
        case "root": lookup(root)
        case "canonical": lookup(canonical)
        case "alternates": lookup(alternates)
        case "refreshSeconds": lookup(refreshSeconds)
        case "refreshes": lookup(refreshes)
        case "timezone": lookup(timezone)
        case "generated": lookup(generated)
        default: .none
        }
    }
}

extension PercentileRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "window": lookup(window)
        case "p50": lookup(p50)
        case "p95": lookup(p95)
        case "p99": lookup(p99)
        default: .none
        }
    }
}

extension ResponseChartView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "viewWidth": lookup(viewWidth)
        case "viewHeight": lookup(viewHeight)
        case "label": lookup(label)
        case "areas": lookup(areas)
        case "gridlines": lookup(gridlines)
        case "xLabels": lookup(xLabels)
        case "legend": lookup(legend)
        case "rows": lookup(rows)
        case "rowsMarkup": lookup(rowsMarkup)
        default: .none
        }
    }
}

extension SparklineView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "width": lookup(width)
        case "height": lookup(height)
        case "path": lookup(path)
        case "label": lookup(label)
        case "average": lookup(average)
        default: .none
        }
    }
}

extension StatusView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "key": lookup(key)
        case "icon": lookup(icon)
        case "label": lookup(label)
        default: .none
        }
    }
}

extension TimeView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "iso": lookup(iso)
        case "text": lookup(text)
        case "day": lookup(day)
        default: .none
        }
    }
}

extension UpdateRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "state": lookup(state)
        case "at": lookup(at)
        case "etaAt": lookup(etaAt)
        case "messageHTML": lookup(messageHTML)
        default: .none
        }
    }
}

extension UptimeCell: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "window": lookup(window)
        case "value": lookup(value)
        default: .none
        }
    }
}

extension YearLink: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "year": lookup(year)
        case "href": lookup(href)
        default: .none
        }
    }
}
