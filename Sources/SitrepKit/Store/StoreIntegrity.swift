import Foundation
import GRDB

/// Whether a sitrep database is whole: its tables and indexes are exactly those its migrations create, and (before
/// anything writes to it) SQLite's `quick_check` finds every page, b-tree and record in order.
///
/// Readers check the schema only (a few rows of `sqlite_master`, read anyway to prepare statements); the pages
/// they read are checked by SQLite as it reads them, and every value by `StoredRow`. A writer checks the whole
/// file first, on a read-only connection, so that a damaged database is refused before a single byte is written
/// (opening a GRDB pool for writing already writes: it makes sure the WAL is not empty).
enum StoreIntegrity {
    /// One table, index or trigger as `sqlite_master` lists it.
    struct SchemaObject: Hashable, Sendable {
        var type: String
        var name: String
        var sql: String?
    }

    /// Checks a database sitrep may write to: no newer schema, the schema of its applied migrations, and
    /// `quick_check` unless the file is as the last writer left it after a recent one (`StoreCheckStamp`).
    /// Reads only (a read-only connection of its own); a database with no table yet passes. Returns when
    /// `quick_check` last read the whole file.
    static func verifyBeforeWriting(_ url: URL, path: String, now: Date) throws -> Date {
        let unchangedSince = StoreCheckStamp.lastFullCheck(of: url, now: now)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(ResultStore.busyTimeout)
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        defer { try? queue.close() }
        try queue.read { db in
            let migrator = StoreSchema.migrator
            let migrated = try db.tableExists("grdb_migrations")
            if migrated, try migrator.hasBeenSuperseded(db) { throw StoreError(.newerSchema, path: path) }
            try verifySchema(db, applied: migrated ? try migrator.appliedMigrations(db) : [])
            if unchangedSince == nil { try quickCheck(db) }
        }
        return unchangedSince ?? now
    }

    /// The digest of the schema after the newest migration (`digest(of:)`): a database with every migration applied,
    /// the usual case, is checked against it without making the schemas in memory (about 30 ms, run by every
    /// `probe`, `build` and `import`). `StoreSchemaDigestTests` compares it with the schema the migrations make and
    /// prints the new value when a migration changes the schema.
    static let newestSchemaDigest = "15ec15c32b3ae52fd56364003971b301"

    /// Throws `SQLITE_CORRUPT` naming the first table or index that is missing, altered or not sitrep's.
    static func verifySchema(_ db: Database, applied: [String]) throws {
        let found = try schema(db)
        // Tables without a record of migrations are sitrep's (its application id) that lost that record.
        let last = found.isEmpty ? nil : applied.last ?? StoreSchema.migrator.migrations.last
        if let last, last == StoreSchema.migrator.migrations.last, digest(of: found) == newestSchemaDigest { return }
        let expected = try expectedSchema(upTo: last)
        guard found != expected else { return }
        let expectedByName = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let foundByName = Dictionary(found.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let problem: String
        if let missing = expected.first(where: { foundByName[$0.name] == nil }) {
            problem = "\(missing.type) \(missing.name) is missing"
        } else if let altered = found.first(where: { object in expectedByName[object.name].map { $0 != object } ?? false }) {
            problem = "\(altered.type) \(altered.name) is not as sitrep created it"
        } else if let extra = found.first(where: { expectedByName[$0.name] == nil }) {
            problem = "it has a \(extra.type) \(extra.name) that sitrep did not create"
        } else {
            problem = "its schema is not as sitrep created it"
        }
        throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: problem)
    }

    /// Throws `SQLITE_CORRUPT` with the first problem `PRAGMA quick_check` reports.
    static func quickCheck(_ db: Database) throws {
        let report = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
        guard report != ["ok"] else { return }
        // The first problem, without the "*** in database main ***" line that heads it.
        let lines = report.joined(separator: "\n").split(separator: "\n").filter { !$0.hasPrefix("***") }
        throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: lines.first.map(String.init) ?? "quick_check failed")
    }

    /// The objects a fresh database has after the migrations up to `last` (none when nil). A released
    /// migration's SQL never changes, so a database it made has exactly these objects with this SQL.
    private static func expectedSchema(upTo last: String?) throws -> [SchemaObject] {
        guard let last else { return [] }
        guard let schemas = schemaAfterEachMigration else {
            throw DatabaseError(message: "sitrep's own schema could not be made in memory")
        }
        // An identifier sitrep does not know is a newer schema, reported before this is asked.
        return schemas[last] ?? []
    }

    /// The schema after each migration, made once a process in an in-memory database (a build opens the store
    /// twice); nil if that failed.
    private static let schemaAfterEachMigration: [String: [SchemaObject]]? = {
        let migrator = StoreSchema.migrator
        guard let memory = try? DatabaseQueue() else { return nil }
        var schemas: [String: [SchemaObject]] = [:]
        for identifier in migrator.migrations {
            guard (try? migrator.migrate(memory, upTo: identifier)) != nil,
                  let schema = try? memory.read({ db in try schema(db) })
            else { return nil }
            schemas[identifier] = schema
        }
        return schemas
    }()

    /// The schema after the newest migration, as the migrations make it in an in-memory database.
    static func newestSchema() throws -> [SchemaObject] {
        try expectedSchema(upTo: StoreSchema.migrator.migrations.last)
    }

    /// `ContentDigest` of every object's type, name and SQL in order (a missing SQL text apart from an empty one).
    /// Not cryptographic, as for a build's inputs: the file is the user's own, and the check is against damage.
    static func digest(of objects: [SchemaObject]) -> String {
        var digest = ContentDigest()
        for object in objects {
            digest.add(object.type)
            digest.add(object.name)
            digest.add(object.sql == nil ? "no sql" : "sql")
            digest.add(object.sql ?? "")
        }
        return digest.hex
    }

    /// `sqlite_master` by name, without the statistics tables `ANALYZE` may add.
    static func schema(_ db: Database) throws -> [SchemaObject] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name
            """)
        return try rows.map { row in
            let stored = StoredRow(row, of: "sqlite_master")
            return SchemaObject(type: try stored.text(0), name: try stored.text(1), sql: try stored.optionalText(2))
        }
    }
}
