import Mustache

// How templates see the page views: `{{name}}` is the stored property of that name.
//
// swift-mustache falls back to a fresh `Mirror` for every lookup in a plain struct, and again on every level
// of the context stack it searches; for a site of hundreds of components that reflection was most of the
// build. Each view therefore answers lookups itself, with the same results as reflection: every stored
// property by its name, and an empty optional as no answer (so the lookup falls through to the enclosing
// context). A property added to a view must be added here too; `TemplateLookupTests` fails otherwise.

extension AffectedRow: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "name": name
        case "href": href
        case "effect": effect
        default: nil
        }
    }
}

extension AlternateLink: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "href": href
        case "type": type
        case "title": title
        default: nil
        }
    }
}

extension BarView: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "x": x
        case "width": width
        case "key": key
        case "title": title
        default: nil
        }
    }
}

extension ChartArea: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "key": key
        case "label": label
        case "path": path
        default: nil
        }
    }
}

extension ChartAxisLabel: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "x": x
        case "anchor": anchor
        case "label": label
        default: nil
        }
    }
}

extension ChartGridline: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "y": y
        case "labelY": labelY
        case "label": label
        default: nil
        }
    }
}

extension ChartLegendItem: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "key": key
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension ChartRow: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "time": time
        case "dns": dns
        case "connect": connect
        case "tls": tls
        case "ttfb": ttfb
        case "total": total
        default: nil
        }
    }
}

extension CheckRow: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "id": id
        case "type": type
        case "result": result
        case "latency": latency
        case "httpCode": httpCode
        case "errorKind": errorKind
        case "errorText": errorText
        case "targetText": targetText
        case "checkedAt": checkedAt
        case "phases": phases
        default: nil
        }
    }
}

extension ComponentDetail: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "id": id
        case "name": name
        case "about": about
        case "groupName": groupName
        case "status": status
        case "staleNote": staleNote
        case "lastResult": lastResult
        case "uptimeCells": uptimeCells
        case "barsHTML": barsHTML
        case "chart": chart
        case "percentiles": percentiles
        case "checks": checks
        case "incidents": incidents
        case "maintenanceRows": maintenanceRows
        case "hasPercentiles": hasPercentiles
        case "hasIncidents": hasIncidents
        case "hasMaintenance": hasMaintenance
        default: nil
        }
    }
}

extension ComponentPage: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "page": page
        case "component": component
        default: nil
        }
    }
}

extension ComponentRow: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "id": id
        case "name": name
        case "href": href
        case "about": about
        case "status": status
        case "staleNote": staleNote
        case "barsHTML": barsHTML
        case "uptimeCells": uptimeCells
        case "spark": spark
        default: nil
        }
    }
}

extension ComponentSection: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "isGroup": isGroup
        case "groupID": groupID
        case "groupName": groupName
        case "groupStatus": groupStatus
        case "rows": rows
        default: nil
        }
    }
}

extension DailyBarsView: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "viewWidth": viewWidth
        case "viewHeight": viewHeight
        case "label": label
        case "bars": bars
        case "startLabel": startLabel
        case "summary": summary
        default: nil
        }
    }
}

extension HistoryPage: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "page": page
        case "heading": heading
        case "intro": intro
        case "months": months
        case "years": years
        case "isYearPage": isYearPage
        case "hasMonths": hasMonths
        case "hasYears": hasYears
        default: nil
        }
    }
}

extension HistoryRow: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "kind": kind
        case "kindLabel": kindLabel
        case "itemTitle": itemTitle
        case "href": href
        case "state": state
        case "tone": tone
        case "impactLabel": impactLabel
        case "when": when
        case "period": period
        case "affects": affects
        default: nil
        }
    }
}

extension IncidentCard: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "title": title
        case "href": href
        case "tone": tone
        case "impactLabel": impactLabel
        case "state": state
        case "latestHTML": latestHTML
        case "latestAt": latestAt
        case "etaAt": etaAt
        case "affects": affects
        default: nil
        }
    }
}

extension IncidentDetail: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "title": title
        case "tone": tone
        case "impactLabel": impactLabel
        case "state": state
        case "affected": affected
        case "hasAffected": hasAffected
        case "started": started
        case "resolved": resolved
        case "period": period
        case "rootCause": rootCause
        case "updates": updates
        case "bodyHTML": bodyHTML
        default: nil
        }
    }
}

extension IncidentPage: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "page": page
        case "incident": incident
        default: nil
        }
    }
}

extension IndexPage: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "page": page
        case "indicator": indicator
        case "banner": banner
        case "activeIncidents": activeIncidents
        case "activeMaintenance": activeMaintenance
        case "upcomingMaintenance": upcomingMaintenance
        case "hasActiveIncidents": hasActiveIncidents
        case "hasActiveMaintenance": hasActiveMaintenance
        case "hasUpcomingMaintenance": hasUpcomingMaintenance
        case "sections": sections
        case "historyDays": historyDays
        default: nil
        }
    }
}

extension MaintenanceCard: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "title": title
        case "href": href
        case "state": state
        case "from": from
        case "until": until
        case "affects": affects
        case "latestHTML": latestHTML
        default: nil
        }
    }
}

extension MaintenanceDetail: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "title": title
        case "state": state
        case "isCancelled": isCancelled
        case "from": from
        case "until": until
        case "length": length
        case "affected": affected
        case "updates": updates
        case "hasAffected": hasAffected
        case "hasUpdates": hasUpdates
        case "bodyHTML": bodyHTML
        default: nil
        }
    }
}

extension MaintenancePage: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "page": page
        case "window": window
        default: nil
        }
    }
}

extension MonthGroup: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "heading": heading
        case "rows": rows
        default: nil
        }
    }
}

extension PageChrome: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "documentTitle": documentTitle
        case "siteTitle": siteTitle
        case "siteDescription": siteDescription
        case "root": root
        case "canonical": canonical
        case "alternates": alternates
        case "refreshSeconds": refreshSeconds
        case "refreshes": refreshes
        case "timezone": timezone
        case "generated": generated
        default: nil
        }
    }
}

extension PercentileRow: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "window": window
        case "p50": p50
        case "p95": p95
        case "p99": p99
        default: nil
        }
    }
}

extension ResponseChartView: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "viewWidth": viewWidth
        case "viewHeight": viewHeight
        case "label": label
        case "areas": areas
        case "gridlines": gridlines
        case "xLabels": xLabels
        case "legend": legend
        case "rows": rows
        default: nil
        }
    }
}

extension SparklineView: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "width": width
        case "height": height
        case "path": path
        case "label": label
        case "average": average
        default: nil
        }
    }
}

extension StatusView: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "key": key
        case "icon": icon
        case "label": label
        default: nil
        }
    }
}

extension TimeView: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "iso": iso
        case "text": text
        case "day": day
        default: nil
        }
    }
}

extension UpdateRow: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "state": state
        case "at": at
        case "etaAt": etaAt
        case "messageHTML": messageHTML
        default: nil
        }
    }
}

extension UptimeCell: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "window": window
        case "value": value
        default: nil
        }
    }
}

extension YearLink: MustacheParent {
    func child(named requested: String) -> Any? {
        switch requested {
        case "year": year
        case "href": href
        default: nil
        }
    }
}
