import Foundation
import GRDB

extension ResultStore {
    /// Appends a run while its checks run (`sitrep probe`): in one transaction, begun once every check has started,
    /// the results `feed` delivers are written part by part (`BatchAppender.LiveRun`) and, when the feed finishes,
    /// the rest and the run, with the component status changes the run made hold (`outbox`), the same rows and
    /// events as `append(_:results:notifying:)` of the finished run. Blocks the calling thread until the feed ends;
    /// a cancelled feed or any error rolls everything back, so a run is stored whole or not at all.
    ///
    /// The write lock is held from the first part to the end of the run; every sitrep command that writes takes the
    /// run lock (`RunLock`) first anyway, and readers (a build) are never blocked by it (WAL).
    func appendLive(checks: [CheckConfig], startedAt: Date, feed: ResultFeed, notifying outbox: StatusOutbox?) throws {
        do {
            var (part, ending) = feed.next()
            if case .cancelled = ending { throw CancellationError() }
            try pool.write { db in
                var live = try BatchAppender.LiveRun(
                    checks: checks.map { RollupKey(componentID: $0.componentID, checkID: $0.id) }, startedAt: startedAt, in: db)
                while true {
                    try live.add(part, in: db)
                    switch ending {
                    case .cancelled:
                        throw CancellationError()
                    case let .finished(run, results):
                        try live.finish(run, results: results, in: db)
                        try Self.completeAppend(run, results: results, notifying: outbox, in: db)
                        return
                    case nil:
                        (part, ending) = feed.next()
                    }
                }
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }
}
