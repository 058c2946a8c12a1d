import Foundation
import GRDB

/// What is at the database path before SQLite touches it, read from the 100-byte SQLite header only.
enum StoreFile {
    case absent
    /// A zero-length file: SQLite treats it as an empty database.
    case empty
    case sqlite(applicationID: Int32)
    case notSQLite

    private static let magic = Array("SQLite format 3\0".utf8)

    static func inspect(_ url: URL, path: String) throws -> StoreFile {
        guard FileManager.default.fileExists(atPath: url.path) else { return .absent }
        let header: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            header = try handle.read(upToCount: 100) ?? Data()
        } catch {
            throw StoreError(.unreadable, path: path, detail: error.localizedDescription)
        }
        if header.isEmpty { return .empty }
        let bytes = [UInt8](header)
        guard bytes.count == 100, Array(bytes[0..<16]) == magic else { return .notSQLite }
        let id = bytes[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return .sqlite(applicationID: Int32(bitPattern: id))
    }

    /// Refuses anything that is not (yet) a sitrep database without writing a byte to it.
    /// Returns what it found.
    static func vet(_ url: URL, path: String) throws -> StoreFile {
        let file = try inspect(url, path: path)
        switch file {
        case .absent, .empty:
            break
        case .notSQLite:
            throw StoreError(.notADatabase, path: path, detail: "file is not a database")
        case .sqlite(let id) where id == StoreSchema.applicationID:
            break
        case .sqlite(let id) where id != 0:
            throw StoreError(.notSitrep, path: path, detail: "application id \(String(id, radix: 16))")
        case .sqlite:
            // The header says nothing yet: a fresh sitrep database may still hold its application id in the
            // WAL only. Ask SQLite, read-only; a database without any table may become a sitrep database.
            var configuration = Configuration()
            configuration.readonly = true
            do {
                let queue = try DatabaseQueue(path: url.path, configuration: configuration)
                defer { try? queue.close() }
                let (id, tables) = try queue.read { db in
                    (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                     try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
                }
                if id != StoreSchema.applicationID, id != 0 {
                    throw StoreError(.notSitrep, path: path, detail: "application id \(String(id, radix: 16))")
                }
                if id == 0, tables > 0 {
                    throw StoreError(.notSitrep, path: path, detail: "it has other tables")
                }
            } catch {
                throw StoreError(error, path: path)
            }
        }
        return file
    }
}
