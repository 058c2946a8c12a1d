import GRDB

extension ResultStore {
    /// Gives every check in `checks` (and its component) a key now, in a transaction of its own, in the order given:
    /// the keys the run's append would give them, since a probe's results come in config order. `sitrep probe`
    /// calls it while the checks run, so that the append after them finds every key (a first probe of 10,000 checks
    /// adds 20,000). A key without rows is kept anyway (`StoreKeys`), so a run that then fails leaves nothing wrong.
    /// A database with at least as many check keys as `checks` is left alone without reading its keys: a later run
    /// of the same config, where a check that is new after all gets its key in the append as before.
    public func registerKeys(for checks: [CheckConfig]) throws {
        do {
            try pool.write { db in
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM check_key") ?? 0 < checks.count else { return }
                var keys = try StoreKeys.load(db)
                try keys.register(checks.lazy.map { RollupKey(componentID: $0.componentID, checkID: $0.id) }, in: db)
            }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }
}
