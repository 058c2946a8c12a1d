import Foundation
import GRDB

/// One probe location's newest result of one check, as imported from its segments (`location_latest`).
public struct LocationResult: Sendable, Hashable {
    public var location: String
    public var componentID: String
    public var checkID: String
    public var at: Date
    public var status: CheckStatus
    public var latencyMs: Double?

    public init(location: String, componentID: String, checkID: String, at: Date, status: CheckStatus, latencyMs: Double?) {
        self.location = location
        self.componentID = componentID
        self.checkID = checkID
        self.at = at
        self.status = status
        self.latencyMs = latencyMs
    }

    /// Every location's newest result per check taken at or before `nowMs`, by location, component and check;
    /// none for a database without imports (or from before the location tables).
    static func read(upTo nowMs: Int64, keys: StoreKeys, _ db: Database) throws -> [LocationResult] {
        guard try db.tableExists("location_latest") else { return [] }
        var names: [Int64: String] = [:]
        let locations = try Row.fetchCursor(db, sql: "SELECT key, name FROM location")
        while let row = try locations.next() {
            let stored = StoredRow(row, of: "location")
            names[try stored.integer(0)] = try stored.text(1)
        }
        var results: [LocationResult] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT location_key, check_key, at_ms, status, latency_us FROM location_latest WHERE at_ms <= ?
            """, arguments: [nowMs])
        while let row = try rows.next() {
            let stored = StoredRow(row, of: "location_latest")
            guard let name = names[try stored.integer(0)] else { throw stored.damage(0, "names no stored location") }
            let series = try keys.check(stored, 1)
            results.append(LocationResult(
                location: name, componentID: series.componentID, checkID: series.checkID, at: try stored.instant(2),
                status: try stored.code(3, StoreCodes.checkStatus, "status"), latencyMs: try stored.optionalMicroseconds(4)))
        }
        return results.sorted { ($0.location, $0.componentID, $0.checkID) < ($1.location, $1.componentID, $1.checkID) }
    }
}
