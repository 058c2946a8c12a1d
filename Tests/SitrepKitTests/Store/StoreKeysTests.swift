import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// `StoreKeys.register` (a first probe's keys, a few hundred rows per statement) hands out exactly the keys that
/// asking for each check's key in turn does, for new components, new checks of known components, repeats and
/// checks that already have keys.
@Suite struct StoreKeysTests {
    static func keyRows(_ store: ResultStore) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT 0, key, component_id, NULL FROM component_key UNION ALL SELECT 1, key, component_key, check_id FROM check_key ORDER BY 1, 2")
                .map { row in row.databaseValues.map(\.description).joined(separator: "|") }
        }
    }

    @Test func registeringGivesTheKeysOfAddingOneByOne() throws {
        let folder = try TemporaryFolder()
        let seeded = [StoreFixtures.result("b", "z", at: StoreFixtures.day0), StoreFixtures.result("a", "x", at: StoreFixtures.day0)]
        let wanted = [("a", "x"), ("c", "w"), ("a", "y"), ("c", "w"), ("d", "v"), ("b", "z"), ("c", "u"), ("e", "x")]
            .map { RollupKey(componentID: $0.0, checkID: $0.1) }
        let stores = try ["registered", "onebyone"].map { name in
            let store = try ResultStore.open(at: folder.file("\(name).sqlite"))
            try store.append(ProbeRun(startedAt: StoreFixtures.day0, durationMs: 1, location: "default"), results: seeded)
            return store
        }
        let registered = try stores[0].pool.write { db in
            var keys = try StoreKeys.load(db)
            try keys.register(wanted, in: db)
            return try wanted.map { try keys.checkKey($0.componentID, $0.checkID, in: db) }
        }
        let oneByOne = try stores[1].pool.write { db in
            var keys = try StoreKeys.load(db)
            return try wanted.map { try keys.checkKey($0.componentID, $0.checkID, in: db) }
        }
        #expect(registered == oneByOne)
        let rows = try Self.keyRows(stores[1])
        #expect(try Self.keyRows(stores[0]) == rows)
        // Five components and seven checks, two of each from the seeded run: the case adds to both tables.
        #expect(rows.filter { $0.hasPrefix("0|") }.count == 5 && rows.filter { $0.hasPrefix("1|") }.count == 7)
        // Read back from the tables, the registered keys name the same checks.
        let reloaded = try stores[0].pool.read { db in try StoreKeys.load(db) }
        #expect(zip(registered, wanted).allSatisfy { reloaded.checks[$0] == $1 })
    }

    @Test func registeringKnownChecksWritesNothing() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("known.sqlite"))
        try store.append(ProbeRun(startedAt: StoreFixtures.day0, durationMs: 1, location: "default"),
                         results: [StoreFixtures.result("a", "x", at: StoreFixtures.day0)])
        let before = try Self.keyRows(store)
        let changes = try store.pool.write { db in
            var keys = try StoreKeys.load(db)
            let start = db.totalChangesCount
            try keys.register([RollupKey(componentID: "a", checkID: "x")], in: db)
            return db.totalChangesCount - start
        }
        #expect(changes == 0)
        #expect(try Self.keyRows(store) == before)
    }
}
