import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// A fully migrated database is checked against `StoreIntegrity.newestSchemaDigest` instead of the schemas the
/// migrations make in memory; the digest must be that of the newest schema, or every open takes the slow path.
@Suite struct StoreSchemaDigestTests {
    @Test func theDigestIsThatOfTheNewestSchema() throws {
        let digest = StoreIntegrity.digest(of: try StoreIntegrity.newestSchema())
        #expect(digest == StoreIntegrity.newestSchemaDigest,
                "a migration changed the schema: set StoreIntegrity.newestSchemaDigest to \(digest)")
    }

    @Test func aNewDatabaseHasTheNewestSchemaAndItsDigest() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("store.sqlite")
        try ResultStore.open(at: url).close()
        let queue = try DatabaseQueue(path: url.path)
        let found = try queue.read { db in try StoreIntegrity.schema(db) }
        try queue.close()
        #expect(found.count > 20)
        #expect(found == (try StoreIntegrity.newestSchema()))
        #expect(StoreIntegrity.digest(of: found) == StoreIntegrity.newestSchemaDigest)
    }

    @Test func anyChangeToAnObjectChangesTheDigest() throws {
        let newest = try StoreIntegrity.newestSchema()
        let digest = StoreIntegrity.digest(of: newest)
        var renamed = newest
        renamed[0].name += "x"
        var altered = newest
        altered[1].sql = altered[1].sql.map { $0 + " " }
        var withoutSQL = newest
        withoutSQL[2].sql = nil
        for changed in [renamed, altered, withoutSQL, Array(newest.dropLast())] {
            #expect(StoreIntegrity.digest(of: changed) != digest)
        }
    }
}
