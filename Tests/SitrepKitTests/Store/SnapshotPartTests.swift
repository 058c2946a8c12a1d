import Foundation
import Testing
@testable import SitrepKit

/// A build reads the snapshot table by table, on both cores; joined, the parts must be the snapshot read whole,
/// and parts that saw different data must never be joined.
@Suite("Store snapshot parts")
struct SnapshotPartTests {
    static let components: [String: [String]] = ["api": ["health", "login"], "b": ["x", "y"], "web": ["home"]]
    static let now = StoreFixtures.day0.addingTimeInterval(61 * 3_600)

    static func filledStore(in folder: TemporaryFolder) throws -> ResultStore {
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        for (run, results) in StoreFixtures.history(runs: 60, from: StoreFixtures.day0, step: 3_600, components: components, seed: 11) {
            try store.append(run, results: results)
        }
        return store
    }

    static func parts(of store: ResultStore) throws -> [SnapshotPart] {
        try SnapshotPart.Kind.allCases.map { try store.snapshotPart($0, now: now, days: 5) }
    }

    @Test func joinedPartsAreTheWholeSnapshot() throws {
        let folder = try TemporaryFolder()
        let store = try Self.filledStore(in: folder)
        let whole = try store.snapshot(now: Self.now, days: 5)
        #expect(StoreSnapshot(joining: try Self.parts(of: store), now: Self.now, days: 5) == whole)
        #expect(StoreSnapshot(joining: try Self.parts(of: store).reversed(), now: Self.now, days: 5) == whole)
        #expect(!whole.checkDaily.isEmpty && !whole.checkHourly.isEmpty && !whole.componentHourly.isEmpty
            && !whole.componentDaily.isEmpty && !whole.latestResults.isEmpty && whole.latestRun != nil)
    }

    @Test func partsThatSawDifferentDataAreNotJoined() throws {
        let folder = try TemporaryFolder()
        let store = try Self.filledStore(in: folder)
        var parts = try Self.parts(of: store)
        // A probe commits after the first parts were read.
        try store.append(ProbeRun(startedAt: Self.now, durationMs: 1), results: [StoreFixtures.result("web", "home", at: Self.now)])
        parts[parts.count - 1] = try store.snapshotPart(SnapshotPart.Kind.allCases[parts.count - 1], now: Self.now, days: 5)
        #expect(StoreSnapshot(joining: parts, now: Self.now, days: 5) == nil)
        // Read again after the commit, they join into the new data.
        #expect(StoreSnapshot(joining: try Self.parts(of: store), now: Self.now, days: 5) == (try store.snapshot(now: Self.now, days: 5)))
    }

    @Test func aMissingOrRepeatedPartIsNotJoined() throws {
        let folder = try TemporaryFolder()
        let store = try Self.filledStore(in: folder)
        let parts = try Self.parts(of: store)
        #expect(StoreSnapshot(joining: Array(parts.dropLast()), now: Self.now, days: 5) == nil)
        #expect(StoreSnapshot(joining: Array(parts.dropLast()) + [parts[0]], now: Self.now, days: 5) == nil)
        #expect(StoreSnapshot(joining: [], now: Self.now, days: 5) == nil)
    }
}
