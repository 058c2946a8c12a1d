import Foundation
import GRDB

/// The small integer keys the compact store (v5) uses for component and check ids, in tables `component_key`
/// and `check_key`: every other table names a series by its key, so an id's text is stored once.
///
/// Keys are never reused or renumbered; a key without rows left is kept (a few bytes). A build reads both tables
/// whole (one row per component and check) and maps keys back to ids in memory.
struct StoreKeys {
    private(set) var componentIDs: [Int64: String] = [:]
    private(set) var checks: [Int64: RollupKey] = [:]
    private var componentKeys: [String: Int64] = [:]
    private var checkKeys: [RollupKey: Int64] = [:]

    /// Both key tables, read in the caller's transaction.
    static func load(_ db: Database) throws -> StoreKeys {
        var keys = StoreKeys()
        // Keys are row ids handed out one after another, so the largest is about the number of rows (found in the
        // index, not counted): the maps are sized once instead of growing through every power of two. Capped, so a
        // damaged table cannot ask for more than a large site needs.
        func expected(_ table: String) throws -> Int {
            Int(min(max(try Int64.fetchOne(db, sql: "SELECT max(key) FROM \(table)") ?? 0, 0), 1 << 20))
        }
        let componentCount = try expected("component_key"), checkCount = try expected("check_key")
        keys.componentIDs.reserveCapacity(componentCount)
        keys.componentKeys.reserveCapacity(componentCount)
        keys.checks.reserveCapacity(checkCount)
        keys.checkKeys.reserveCapacity(checkCount)
        let readComponents = try db.cachedStatement(sql: "SELECT key, component_id FROM component_key")
        let components = try Row.fetchCursor(readComponents)
        while let row = try components.next() {
            let stored = StoredRow(row, of: "component_key", statement: readComponents)
            let key = try stored.integer(0)
            let id = try stored.text(1)
            keys.componentIDs[key] = id
            keys.componentKeys[id] = key
        }
        let readChecks = try db.cachedStatement(sql: "SELECT key, component_key, check_id FROM check_key")
        let checks = try Row.fetchCursor(readChecks)
        while let row = try checks.next() {
            let stored = StoredRow(row, of: "check_key", statement: readChecks)
            let key = try stored.integer(0)
            guard let componentID = keys.componentIDs[try stored.integer(1)] else {
                throw stored.damage(1, "names no stored component")
            }
            let series = RollupKey(componentID: componentID, checkID: try stored.text(2))
            keys.checks[key] = series
            keys.checkKeys[series] = key
        }
        return keys
    }

    /// How many components have a key.
    var componentCount: Int { componentKeys.count }

    /// The key of `componentID`, added to `component_key` when new (inside the caller's write transaction).
    mutating func componentKey(_ componentID: String, in db: Database) throws -> Int64 {
        if let key = componentKeys[componentID] { return key }
        // Cached: a first probe adds a key per component and check, and parsing the statement each time was
        // half of that.
        try db.cachedStatement(sql: "INSERT INTO component_key (component_id) VALUES (?)").execute(arguments: [componentID])
        let key = db.lastInsertedRowID
        componentKeys[componentID] = key
        componentIDs[key] = componentID
        return key
    }

    /// The key of a check, added to `check_key` (and its component to `component_key`) when new.
    mutating func checkKey(_ componentID: String, _ checkID: String, in db: Database) throws -> Int64 {
        let series = RollupKey(componentID: componentID, checkID: checkID)
        if let key = checkKeys[series] { return key }
        let component = try componentKey(componentID, in: db)
        try db.cachedStatement(sql: "INSERT INTO check_key (component_key, check_id) VALUES (?, ?)").execute(arguments: [component, checkID])
        let key = db.lastInsertedRowID
        checkKeys[series] = key
        checks[key] = series
        return key
    }

    /// The ids of check key `key` read from column `index` of `row`; damage when no check has that key.
    func check(_ row: StoredRow, _ index: Int) throws -> RollupKey {
        guard let series = checks[try row.integer(index)] else { throw row.damage(index, "names no stored check") }
        return series
    }

    /// Adds keys for those of `checks` (and their components) that have none, in the order given, a few hundred rows
    /// per statement: the keys `checkKey` gives when called for each in turn, because SQLite gives a new row the
    /// largest row id plus one, and those are the values written here. A first probe of 10,000 checks spent 85 to
    /// 120 ms adding its 20,000 keys a statement each.
    mutating func register(_ checks: some Sequence<RollupKey>, in db: Database) throws {
        var newComponents: [String] = []
        var newChecks: [RollupKey] = []
        var seen: Set<RollupKey> = []
        var seenComponents: Set<String> = []
        for series in checks where checkKeys[series] == nil && seen.insert(series).inserted {
            newChecks.append(series)
            if componentKeys[series.componentID] == nil, seenComponents.insert(series.componentID).inserted {
                newComponents.append(series.componentID)
            }
        }
        guard !newChecks.isEmpty else { return }
        func nextKey(_ table: String) throws -> Int64 {
            let largest = try Int64.fetchOne(db, sql: "SELECT max(key) FROM \(table)") ?? 0
            guard largest < Int64.max - Int64(newChecks.count) else {
                throw DatabaseError(resultCode: .SQLITE_FULL, message: "\(table) has no keys left")
            }
            return largest + 1
        }
        var key = try nextKey("component_key")
        var componentRows: [[DatabaseValue]] = []
        componentRows.reserveCapacity(newComponents.count)
        for componentID in newComponents {
            componentRows.append([key.databaseValue, componentID.databaseValue])
            componentKeys[componentID] = key
            componentIDs[key] = componentID
            key += 1
        }
        try RowBatch.insert(componentRows, head: "INSERT INTO component_key (key, component_id)", in: db)
        key = try nextKey("check_key")
        var checkRows: [[DatabaseValue]] = []
        checkRows.reserveCapacity(newChecks.count)
        for series in newChecks {
            guard let component = componentKeys[series.componentID] else { continue }
            checkRows.append([key.databaseValue, component.databaseValue, series.checkID.databaseValue])
            checkKeys[series] = key
            self.checks[key] = series
            key += 1
        }
        try RowBatch.insert(checkRows, head: "INSERT INTO check_key (key, component_key, check_id)", in: db)
    }

    /// The id of component key `key` read from column `index` of `row`.
    func component(_ row: StoredRow, _ index: Int) throws -> String {
        guard let id = componentIDs[try row.integer(index)] else { throw row.damage(index, "names no stored component") }
        return id
    }
}
