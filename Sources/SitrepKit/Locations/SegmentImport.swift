import Foundation
import GRDB

/// What `ResultStore.importSegments` did with each segment and with the agreed history.
public struct SegmentImportReport: Sendable {
    public enum Outcome: Sendable, Hashable {
        /// `late`: runs from before the agreed history's end, kept for the location's own view only.
        case imported(runs: Int, results: Int, late: Int)
        /// The same segment was imported before (or earlier in this import): nothing changed.
        case duplicate
        case refused(SegmentError)
    }

    public struct Location: Sendable, Hashable {
        public var name: String
        public var newestRunAt: Date
        /// Its newest run is within `stale_after_s` of the newest run of any location: the agreed history waits
        /// for it. A location that is not live is left out (and the page marks it stale).
        public var isLive: Bool
    }

    public var outcomes: [(path: String, outcome: Outcome)] = []
    /// Agreed runs appended to the store's history.
    public var agreedRuns = 0
    public var agreedResults = 0
    /// The agreed history now ends here: runs up to this instant were voted on.
    public var settledAt: Date?
    public var locations: [Location] = []
}

/// A run of one location while an import walks through time; `checkKeys[i]` is the key of `results[i]`.
private struct LocationRun {
    var locationKey: Int64
    var id: Int64
    var startMs: Int64
    var durationMs: Double
    var ordinals: [Int]
    var results: [CheckResult]
    var checkKeys: [Int64]
}

extension ResultStore {
    /// Imports segments from probe locations in one transaction: all of them or, on an error, none.
    ///
    /// A segment already imported (same location and run ids) changes nothing; one whose runs overlap an imported
    /// one differently is refused. Each location's results are kept apart (`location_latest`, shown per location);
    /// the agreed history (`QuorumRule`) is appended to the ordinary tables, as if one probe had recorded it, up to
    /// the newest run of the slowest live location: a location that is late by more than `stale_after_s` is not
    /// waited for. Runs that arrive for a time the agreed history already covers are kept for their location's view
    /// only. So the order of segments within an import never matters, and across imports only when one comes later
    /// than `stale_after_s`.
    public func importSegments(_ files: [(path: String, segment: Segment)], rule: QuorumRule,
                               rawResultsFrom: Date = .distantPast) throws -> SegmentImportReport {
        try importSegments(files, rule: rule, rawResultsFrom: rawResultsFrom, notifying: nil)
    }

    /// Imports as above and, in the same transaction, enqueues the component status changes the agreed history
    /// made hold, as a probe's append does.
    func importSegments(_ files: [(path: String, segment: Segment)], rule: QuorumRule, rawResultsFrom: Date,
                        notifying outbox: StatusOutbox?) throws -> SegmentImportReport {
        do {
            return try pool.write { db in
                var importer = try SegmentImporter(db: db, rule: rule)
                let report = try importer.run(files, rawFromMs: StoreTime.milliseconds(rawResultsFrom))
                if let outbox, report.agreedRuns > 0, let settled = report.settledAt {
                    let events = try outbox.detector.detect(in: db)
                    _ = try NotificationOutbox.enqueue(events, targets: outbox.targets, now: settled, in: db)
                }
                try StoreSchema.bumpRevision(db)
                return report
            }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }
}

private struct SegmentImporter {
    let db: Database
    let rule: QuorumRule
    var keys: StoreKeys
    var names: [Int64: String] = [:]
    var newest: [Int64: Int64] = [:]
    let settledBefore: Int64?
    var checkKeyCache = CheckKeyCache()

    init(db: Database, rule: QuorumRule) throws {
        self.db = db
        self.rule = rule
        keys = try StoreKeys.load(db)
        let rows = try Row.fetchCursor(db, sql: "SELECT key, name, newest_run_ms FROM location")
        while let row = try rows.next() {
            let stored = StoredRow(row, of: "location")
            let key = try stored.integer(0)
            names[key] = try stored.text(1)
            newest[key] = try stored.integer(2)
        }
        settledBefore = try Int64.fetchOne(db, sql: "SELECT settled_ms FROM location_agreement WHERE id = 1")
    }

    mutating func locationKey(_ name: String) throws -> Int64 {
        if let key = names.first(where: { $0.value == name })?.key { return key }
        try db.execute(sql: "INSERT INTO location (name, newest_run_ms) VALUES (?, ?)", arguments: [name, Int64.min])
        let key = db.lastInsertedRowID
        names[key] = name
        newest[key] = Int64.min
        return key
    }

    mutating func run(_ files: [(path: String, segment: Segment)], rawFromMs: Int64) throws -> SegmentImportReport {
        var report = SegmentImportReport()
        var arrived: [LocationRun] = []
        var latest: [LatestKey: LatestResult] = [:]
        var latestByPosition: [Int64: LatestByPosition] = [:]
        let ordered = files.enumerated().sorted { a, b in
            (a.element.segment.location, a.element.segment.firstRunID, a.offset)
                < (b.element.segment.location, b.element.segment.firstRunID, b.offset)
        }
        var outcomes: [(offset: Int, path: String, outcome: SegmentImportReport.Outcome)] = []
        for (offset, (path, segment)) in ordered {
            let location = try locationKey(segment.location)
            let first = segment.firstRunID, last = segment.lastRunID
            if try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM location_segment WHERE location_key = ? AND first_run_id = ? AND last_run_id = ?)
                """, arguments: [location, first, last]) == true {
                outcomes.append((offset, path, .duplicate))
                continue
            }
            if try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM location_segment WHERE location_key = ? AND first_run_id <= ? AND last_run_id >= ?)
                """, arguments: [location, last, first]) == true {
                let error = SegmentError(path: path, problem: .overlaps(location: segment.location, first: first, last: last))
                outcomes.append((offset, path, .refused(error)))
                continue
            }
            var late = 0
            var segmentNewestMs = Int64.min
            for run in segment.runs {
                let startMs = StoreTime.milliseconds(run.run.startedAt)
                segmentNewestMs = max(segmentNewestMs, startMs)
                newest[location] = max(newest[location] ?? Int64.min, startMs)
                let checkKeys = try checkKeyCache.keys(of: run.results, location: location, keys: &keys, db: db)
                latestByPosition[location, default: LatestByPosition()].record(run.results, keys: checkKeys, location: location, into: &latest)
                if let settled = settledBefore, startMs <= settled {
                    late += 1
                    continue
                }
                // Summaries and steps are kept by check and time, so the agreed history's latest result finds them.
                try ResultDetail.append(run.results, in: db)
                arrived.append(LocationRun(locationKey: location, id: run.id, startMs: startMs, durationMs: run.run.durationMs,
                                           ordinals: Array(run.results.indices), results: run.results, checkKeys: checkKeys))
            }
            try db.execute(sql: """
                INSERT INTO location_segment (location_key, first_run_id, last_run_id, newest_run_ms) VALUES (?, ?, ?, ?)
                """, arguments: [location, first, last, segmentNewestMs])
            outcomes.append((offset, path, .imported(runs: segment.runs.count, results: segment.resultCount, late: late)))
        }
        report.outcomes = outcomes.sorted { $0.offset < $1.offset }.map { ($0.path, $0.outcome) }
        for (location, layout) in latestByPosition { layout.flush(location: location, into: &latest) }
        try writeLatest(latest)
        try writeLocations()

        // The agreed history may end at the newest run of the slowest location that is still live.
        let maxNewest = newest.values.max() ?? Int64.min
        let live = newest.filter { $0.value != Int64.min && $0.value >= maxNewest - rule.staleAfterMs }
        report.locations = newest.keys.sorted().compactMap { key in
            guard let name = names[key], let ms = newest[key], ms != Int64.min else { return nil }
            return SegmentImportReport.Location(name: name, newestRunAt: StoreTime.date(ms), isLive: live[key] != nil)
        }
        guard let horizon = live.values.min() else { return report }
        let settled = max(horizon, settledBefore ?? Int64.min)
        // By start, then location name and run id; names are looked up only for runs that start together.
        let runs = (try loadPending() + arrived).sorted { a, b in
            if a.startMs != b.startMs { return a.startMs < b.startMs }
            return (names[a.locationKey] ?? "", a.id) < (names[b.locationKey] ?? "", b.id)
        }
        var voterIndex: [Int64: Int] = [:]
        var voters: [[LocationVoter]] = []
        // The voter slots of each location's previous run by position: runs of a location list their checks in the
        // same order, so a run's slots are usually its predecessor's and no check key is hashed.
        var slotLayouts: [Int64: (keys: [Int64], slots: [Int])] = [:]
        var agreed: [(run: ProbeRun, results: [CheckResult])] = []
        var waiting: [LocationRun] = []
        for runIndex in runs.indices {
            let run = runs[runIndex]
            guard run.startMs <= settled else {
                waiting.append(run)
                continue
            }
            let votes = settledBefore.map { run.startMs > $0 } ?? true
            let slots: [Int]
            if let layout = slotLayouts[run.locationKey], layout.keys == run.checkKeys {
                slots = layout.slots
            } else {
                slots = run.checkKeys.map { checkKey in
                    if let known = voterIndex[checkKey] { return known }
                    voterIndex[checkKey] = voters.count
                    voters.append([])
                    return voters.count - 1
                }
                slotLayouts[run.locationKey] = (run.checkKeys, slots)
            }
            // The run's own results, sharing their storage until a vote changes one (with one location, never).
            var results = run.results
            for index in run.results.indices {
                let slot = slots[index]
                let status = run.results[index].status
                let voter = LocationVoter(locationKey: run.locationKey, atMs: StoreTime.milliseconds(run.results[index].at),
                                          status: status, run: runIndex, index: index)
                if let position = voters[slot].firstIndex(where: { $0.locationKey == run.locationKey }) {
                    voters[slot][position] = voter
                } else {
                    voters[slot].append(voter)
                }
                if votes, let agreed = QuorumVote.agreed(status, voters: voters[slot], atMs: run.startMs, rule: rule) {
                    results[index] = QuorumVote.apply(agreed, to: run.results[index]) { runs[$0.run].results[$0.index] }
                }
            }
            if votes {
                let probeRun = ProbeRun(startedAt: StoreTime.date(run.startMs), durationMs: run.durationMs,
                                        location: names[run.locationKey] ?? "")
                agreed.append((probeRun, results))
                report.agreedResults += results.count
            }
        }
        try BatchAppender.append(agreed, rawFromMs: rawFromMs, in: db)
        report.agreedRuns = agreed.count
        report.settledAt = StoreTime.date(settled)
        try writePending(waiting: waiting, voters: voters, runs: runs, settled: settled)
        try db.execute(sql: """
            INSERT INTO location_agreement (id, settled_ms) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET settled_ms = ?1
            """, arguments: [settled])
        return report
    }

    /// The runs kept from earlier imports: those not yet agreed on, and each location's newest result per check
    /// that may still vote.
    private func loadPending() throws -> [LocationRun] {
        var runs: [LocationRun] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT location_key, run_id, ordinal, run_started_ms, run_duration_ms, \(ResultRow.columnList)
            FROM location_pending ORDER BY location_key, run_id, ordinal
            """)
        while let row = try rows.next() {
            let stored = StoredRow(row, of: "location_pending")
            let location = try stored.integer(0), id = try stored.integer(1)
            let result = try ResultRow.decode(row, from: 5, table: "location_pending", keys: keys)
            let checkKey = try stored.integer(6)
            if let last = runs.last, last.locationKey == location, last.id == id {
                runs[runs.count - 1].ordinals.append(try stored.count(2))
                runs[runs.count - 1].results.append(result)
                runs[runs.count - 1].checkKeys.append(checkKey)
            } else {
                runs.append(LocationRun(locationKey: location, id: id, startMs: try stored.integer(3),
                                        durationMs: try stored.milliseconds(4), ordinals: [try stored.count(2)],
                                        results: [result], checkKeys: [checkKey]))
            }
        }
        return runs
    }

    /// `voters` point into `runs`.
    private func writePending(waiting: [LocationRun], voters: [[LocationVoter]], runs: [LocationRun], settled: Int64) throws {
        try db.execute(sql: "DELETE FROM location_pending")
        var rows: [[DatabaseValue]] = []
        for run in waiting {
            for (index, result) in run.results.enumerated() {
                rows.append(ResultRow.values(result, checkKey: run.checkKeys[index], after: [
                    run.locationKey.databaseValue, run.id.databaseValue, run.ordinals[index].databaseValue, run.startMs.databaseValue,
                    run.durationMs.databaseValue,
                ]))
            }
        }
        for slot in voters {
            for voter in slot where voter.atMs >= settled - rule.staleAfterMs {
                let run = runs[voter.run]
                rows.append(ResultRow.values(run.results[voter.index], checkKey: run.checkKeys[voter.index], after: [
                    run.locationKey.databaseValue, run.id.databaseValue, run.ordinals[voter.index].databaseValue,
                    run.startMs.databaseValue, run.durationMs.databaseValue,
                ]))
            }
        }
        try RowBatch.insert(rows, head: """
            INSERT INTO location_pending (location_key, run_id, ordinal, run_started_ms, run_duration_ms, \(ResultRow.columnList))
            """, tail: "ON CONFLICT DO NOTHING", in: db)
    }

    private func writeLatest(_ latest: [LatestKey: LatestResult]) throws {
        let rows: [[DatabaseValue]] = latest.sorted { ($0.key.location, $0.key.check) < ($1.key.location, $1.key.check) }
            .map { key, result in
                [key.location.databaseValue, key.check.databaseValue, StoreTime.milliseconds(result.at).databaseValue,
                 StoreCodes.code(result.status).databaseValue, result.latencyMs.map(StoreCodes.microseconds).bound]
            }
        try RowBatch.insert(rows, head: "INSERT INTO location_latest (location_key, check_key, at_ms, status, latency_us)", tail: """
            ON CONFLICT (location_key, check_key) DO UPDATE SET at_ms = excluded.at_ms, status = excluded.status,
            latency_us = excluded.latency_us WHERE excluded.at_ms >= location_latest.at_ms
            """, in: db)
    }

    private func writeLocations() throws {
        for (key, ms) in newest.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "UPDATE location SET newest_run_ms = ? WHERE key = ?", arguments: [ms, key])
        }
    }
}

private struct LatestKey: Hashable {
    var location: Int64
    var check: Int64
}

/// What `location_latest` keeps of a location's newest result of a check.
private struct LatestResult {
    var at: Date
    var status: CheckStatus
    var latencyMs: Double?

    init(_ result: CheckResult) {
        at = result.at
        status = result.status
        latencyMs = result.latencyMs
    }

    /// Puts this result in `latest` unless the one there was taken later (of two taken at once, this one wins).
    func keep(at key: LatestKey, in latest: inout [LatestKey: LatestResult]) {
        if let known = latest[key], known.at > at { return }
        latest[key] = self
    }
}

/// A location's newest result of each check by position in its runs' check order, as the import walks through its
/// runs: a run whose checks are in the order of the one before updates the positions without hashing a key; the
/// positions go into the dictionary when the order changes and at the end. A run that lists a check twice goes
/// straight into the dictionary, which keeps the later of results taken at the same instant as the positions do.
private struct LatestByPosition {
    private var keys: [Int64] = []
    private var results: [LatestResult?] = []

    mutating func record(_ runResults: [CheckResult], keys runKeys: [Int64], location: Int64,
                         into latest: inout [LatestKey: LatestResult]) {
        if runKeys != keys {
            flush(location: location, into: &latest)
            keys = []
            results = []
            if Set(runKeys).count == runKeys.count {
                keys = runKeys
                results = Array(repeating: nil, count: runKeys.count)
            }
        }
        guard !keys.isEmpty else {
            for index in runResults.indices {
                LatestResult(runResults[index]).keep(at: LatestKey(location: location, check: runKeys[index]), in: &latest)
            }
            return
        }
        for index in runResults.indices {
            if let known = results[index], known.at > runResults[index].at { continue }
            results[index] = LatestResult(runResults[index])
        }
    }

    /// Puts the positions into `latest`, where results of earlier runs are.
    func flush(location: Int64, into latest: inout [LatestKey: LatestResult]) {
        for (index, key) in keys.enumerated() {
            results[index]?.keep(at: LatestKey(location: location, check: key), in: &latest)
        }
    }
}

/// Check keys of a run's results, found by position in the previous run of the same location where the checks
/// are the same (they usually are: a probe lists its checks in config order), else by id.
private struct CheckKeyCache {
    private var previous: [Int64: [(componentID: String, checkID: String, key: Int64)]] = [:]

    mutating func keys(of results: [CheckResult], location: Int64, keys: inout StoreKeys, db: Database) throws -> [Int64] {
        let before = previous[location] ?? []
        var current: [(componentID: String, checkID: String, key: Int64)] = []
        current.reserveCapacity(results.count)
        for (ordinal, result) in results.enumerated() {
            if ordinal < before.count, before[ordinal].componentID == result.componentID, before[ordinal].checkID == result.checkID {
                current.append(before[ordinal])
            } else {
                current.append((result.componentID, result.checkID, try keys.checkKey(result.componentID, result.checkID, in: db)))
            }
        }
        previous[location] = current
        return current.map(\.key)
    }
}
