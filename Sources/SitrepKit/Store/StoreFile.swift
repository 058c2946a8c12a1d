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
                let queue = try DatabaseQueue(path: try readerPath(url, path: path), configuration: configuration)
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
                throw StoreError(error, path: path, reading: true)
            }
        }
        return file
    }

    /// What a reader hands SQLite to open `url` without writing a byte beside it.
    ///
    /// A WAL database's readers share an index of the log in `<file>-shm`, which SQLite creates in the file's
    /// folder. Where the folder is writable, or the log and its index are already there, that is the plain path.
    /// In a read-only folder (a read-only file system, a build user without write permission, `chattr +i`) with
    /// no log to read, the file is opened as `immutable`: no index, no locks. The trade-off: SQLite then assumes
    /// nothing changes the file while it reads, which holds because nothing can write a WAL database whose
    /// folder is read-only (sitrep's own writer refuses such a folder). A log left in a read-only folder without
    /// its index cannot be read correctly, so that is refused.
    static func readerPath(_ url: URL, path: String) throws -> String {
        if FileManager.default.isWritableFile(atPath: url.deletingLastPathComponent().path) { return url.path }
        if let logSize = (try? FileManager.default.attributesOfItem(atPath: url.path + "-wal"))?[.size] as? Int, logSize > 0 {
            guard FileManager.default.fileExists(atPath: url.path + "-shm") else {
                throw StoreError(.unreadable, path: path, detail: "its folder is read-only and its write-ahead log "
                    + "\(path)-wal holds writes SQLite cannot read without the -shm file it cannot create there")
            }
            return url.path
        }
        // SQLite URI file names are percent-encoded; `/` stays as it is (urlPathAllowed escapes `?`, `#` and `%`).
        guard let encoded = url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else {
            throw StoreError(.unreadable, path: path, detail: "its folder is read-only and its name cannot be given to SQLite")
        }
        return "file://\(encoded)?immutable=1"
    }
}
