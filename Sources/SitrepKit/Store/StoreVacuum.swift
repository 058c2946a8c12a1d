import Foundation
import GRDB

/// How a pruned database shrinks on disk.
///
/// The file is in `auto_vacuum = INCREMENTAL` mode: SQLite keeps a map of where every page's parent is, so that
/// `PRAGMA incremental_vacuum(N)` can move up to N pages from the end of the file into free ones and cut the
/// file shorter. Each prune does that for a bounded number of pages, an ordinary write transaction: a build
/// reading at the same time keeps reading the pages it started with (WAL), and nothing waits for it. The file
/// itself gets shorter when the write-ahead log is next checkpointed (at the latest when the probe closes the
/// store).
///
/// A database made before the mode existed is switched once by a full `VACUUM` right after migrating (it
/// cannot run in a migration's transaction); `PRAGMA auto_vacuum` says whether that is done, so a probe killed
/// during it simply does it again.
enum StoreVacuum {
    /// The most pages one prune gives back: 4 MB of 4 KB pages. A minute's prune of a site of 500 checks frees
    /// about 15 pages; this catches up with a lowered retention at 4 MB a run while keeping a probe's prune short
    /// (measured: about 50 ms for 1,024 pages, 120 ms for 2,048, on a database of 85 MB; see README).
    static let pagesPerPrune = 1_024

    /// `PRAGMA auto_vacuum`'s value for INCREMENTAL.
    private static let incremental = 2

    /// Switches the file to incremental vacuum when it is not yet (one `VACUUM`, which rewrites the file and
    /// needs as much free disk space as it takes). Without that space the file stays as it is, and works as
    /// before; the next open tries again.
    ///
    /// Asked on the writer's connection: a pool's reader connections are read-only, and when one of them is the
    /// last to close, the write-ahead log is left beside the file instead of folded into it.
    static func enableIncremental(_ pool: DatabasePool) throws {
        do {
            try pool.writeWithoutTransaction { db in
                guard try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") != incremental else { return }
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                try db.execute(sql: "VACUUM")
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            return
        }
    }

    /// Gives up to `pages` free pages back to the file system; nothing when there are none.
    static func releaseFreePages(_ pool: DatabasePool, upTo pages: Int) throws {
        try pool.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0 > 0 else { return }
            try db.execute(sql: "PRAGMA incremental_vacuum(\(max(1, pages)))")
        }
    }
}
