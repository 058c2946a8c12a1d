import Foundation
import GRDB

extension ResultStore {
    /// The start order of the next run (`ProbeSchedule`), from the latest stored result of every check: the time
    /// its last attempt took (its phase timings' total, else its latency) times its attempts. A result with
    /// neither counts as unknown, like a check never probed.
    public func probeSchedule() throws -> ProbeSchedule {
        do {
            return try pool.read(Self.probeSchedule)
        } catch {
            throw StoreError(error, path: displayPath, reading: true)
        }
    }

    /// The start order from the database at `url` through one read-only connection, without the schema checks of
    /// `openForReading` (a pool of two connections): the order is only a hint, so a file it cannot be read from
    /// (none, empty, foreign, damaged, another schema) throws or gives nil and the run keeps config order, and the
    /// writer's opening reports what is wrong. Half the instructions of opening a reader for it (callgrind).
    static func probeSchedule(at url: URL) throws -> ProbeSchedule? {
        let path = url.relativePath
        switch try StoreFile.vet(url, path: path) {
        case .absent, .empty: return nil
        case .sqlite, .notSQLite: break
        }
        let queue = try DatabaseQueue(path: StoreFile.readerPath(url, path: path), configuration: configuration(readOnly: true))
        defer { try? queue.close() }
        return try queue.read(probeSchedule)
    }

    private static func probeSchedule(_ db: Database) throws -> ProbeSchedule {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.component_id, k.check_id, l.total_us, l.latency_us, l.attempts
            FROM latest_result l JOIN check_key k ON k.key = l.check_key JOIN component_key c ON c.key = k.component_key
            """)
        var expected: [RollupKey: Double] = [:]
        while let row = try rows.next() {
            let stored = StoredRow(row, of: "latest_result")
            guard let ms = try stored.optionalMicroseconds(2) ?? stored.optionalMicroseconds(3) else { continue }
            let key = RollupKey(componentID: try stored.text(0), checkID: try stored.text(1))
            expected[key] = max(0, ms) * Double(max(1, try stored.count(4)))
        }
        return ProbeSchedule(expectedMs: expected)
    }
}
