import Foundation
import GRDB

/// What a probe append needs to enqueue status changes: the detector and the targets to enqueue for.
struct StatusOutbox: Sendable {
    var detector: ComponentStatusDetector
    var targets: [DeliveryTarget]
}

extension ResultStore {
    /// Runs `body` in one write transaction, errors as `StoreError` (the outbox's writes).
    func writeNotifications<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write { db in try body(db) }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }

    /// Runs `body` in one read transaction (dry runs and `notify --status`).
    func readNotifications<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch {
            throw StoreError(error, path: displayPath, reading: true)
        }
    }

    /// Runs `body` in a write transaction that is always rolled back (`notify --dry-run`).
    func rehearseNotifications(_ body: (Database) throws -> Void) throws {
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction {
                    try body(db)
                    return .rollback
                }
            }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }
}
