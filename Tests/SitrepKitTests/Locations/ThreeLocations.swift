import Foundation
@testable import SitrepKit

/// Three probe locations and one builder on one machine: each location a database of its own and an outbox
/// folder, the builder a database of its own and an inbox folder; segments are moved from outbox to inbox as a
/// file transport would.
final class ThreeLocations: Sendable {
    static let names = ["ams", "nyc", "sfo"]
    /// Each location probes at its own second of the minute, as three crons would.
    static let offsets: [String: TimeInterval] = ["ams": 2, "nyc": 17, "sfo": 31]
    let folder: TemporaryFolder
    let stores: [String: ResultStore]
    let builder: ResultStore
    let rule: QuorumRule

    init(quorum: Int? = nil, staleAfterS: Int = 900) throws {
        folder = try TemporaryFolder()
        var stores: [String: ResultStore] = [:]
        for name in Self.names {
            stores[name] = try ResultStore.open(at: folder.file("\(name)/data/sitrep.sqlite"))
        }
        self.stores = stores
        builder = try ResultStore.open(at: folder.file("builder/data/sitrep.sqlite"))
        rule = QuorumRule(quorum: quorum, staleAfterS: staleAfterS)
    }

    var inbox: URL { folder.file("builder/inbox") }

    /// Minute `minute` after `StoreFixtures.day0` at `location`'s second.
    static func time(_ minute: Int, _ location: String) -> Date {
        StoreFixtures.day0.addingTimeInterval(Double(minute) * 60 + (offsets[location] ?? 0))
    }

    /// Probes minutes `minutes` at `location`: check api/health up, except in the minutes of `down`.
    func probe(_ location: String, minutes: Range<Int>, down: Set<Int> = []) throws {
        guard let store = stores[location] else { return }
        for minute in minutes {
            let at = Self.time(minute, location)
            let status: CheckStatus = down.contains(minute) ? .down : .up
            let latency = Double(40 + 10 * (Self.names.firstIndex(of: location) ?? 0))
            try store.append(ProbeRun(startedAt: at, durationMs: 800, location: location), results: [
                StoreFixtures.result("api", "health", at: at, status: status, latencyMs: latency),
                StoreFixtures.result("web", "home", at: at, status: .up, latencyMs: latency),
            ])
        }
    }

    /// `sitrep export` at `location` into its outbox, then the files moved into the builder's inbox; returns the
    /// inbox files.
    @discardableResult
    func ship(_ location: String) throws -> [URL] {
        guard let store = stores[location] else { return [] }
        let outbox = folder.file("\(location)/segments")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        var moved: [URL] = []
        for segment in try store.exportSegments(write: { segments in
            for segment in segments { try segment.encoded().write(to: outbox.appendingPathComponent(segment.fileName)) }
        }) {
            let target = inbox.appendingPathComponent(segment.fileName)
            try FileManager.default.moveItem(at: outbox.appendingPathComponent(segment.fileName), to: target)
            moved.append(target)
        }
        return moved
    }

    /// `sitrep import` of `files` into the builder, enqueueing status changes into `outbox` when given.
    @discardableResult
    func importFiles(_ files: [URL], notifying outbox: StatusOutbox? = nil) throws -> SegmentImportReport {
        let segments = try files.map { ($0.lastPathComponent, try Segment.decode(Data(contentsOf: $0), path: $0.lastPathComponent)) }
        return try builder.importSegments(segments, rule: rule, rawResultsFrom: .distantPast, notifying: outbox)
    }

    /// Agreed observations of `component` in `status` over the builder's whole history.
    func agreedCount(_ component: String, _ status: ComponentStatus, now: Date) throws -> Int {
        let snapshot = try builder.snapshot(now: now, days: 2)
        return snapshot.componentDaily.filter { $0.componentID == component }.reduce(0) { total, rollup in
            switch status {
            case .operational: total + rollup.operational
            case .degradedPerformance: total + rollup.degradedPerformance
            case .partialOutage: total + rollup.partialOutage
            case .majorOutage: total + rollup.majorOutage
            case .underMaintenance: total
            }
        }
    }
}
