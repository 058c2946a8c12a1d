import Foundation

/// A note beside the database (`<file>.checked`) of the file as sitrep's last writer left it, and of when
/// `quick_check` last read the whole file, so that the next writer does not read it all again.
///
/// `quick_check` reads every page: about a second of CPU for a store of 146 MB, five times what the rest of a
/// 1,000-check probe costs, on every run. A writer skips it when the file is still exactly what the last writer
/// left (the same device, inode, size and modification time to the nanosecond, and no write-ahead log with
/// pages in it) and that writer had checked it within `maximumAge`. Anything else sitrep did not do to the file
/// since (a copy, a restore, a truncation, a write by another program, a crash in the middle of a write)
/// changes that identity or leaves a log, and the next writer reads the whole file as before. The schema is
/// checked on every open either way.
enum StoreCheckStamp {
    /// A full check at least this often, even of a file nothing else touched (ms).
    static let maximumAge: Int64 = 24 * 3_600_000
    /// How far a file system's modification times may lag behind the real clock: they come from the kernel's
    /// coarse clock, which advances once a tick (4 ms at 250 Hz, 10 ms at 100 Hz).
    static let clockTickNanoseconds: Int64 = 12_000_000

    static func url(for database: URL) -> URL {
        database.deletingLastPathComponent().appendingPathComponent(database.lastPathComponent + ".checked")
    }

    /// When `quick_check` last read the whole file, if the file is still as the last writer left it after that
    /// check and the check is recent; nil means the file must be checked in full.
    static func lastFullCheck(of database: URL, now: Date) -> Date? {
        guard let data = FileManager.default.contents(atPath: url(for: database).path), data.count < 256 else { return nil }
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 3, fields[0] == "sitrep-store-check-1", let checkedAtMs = Int64(fields[2]),
              let identity = FileIdentity.of(database.path), identity == fields[1], !logHasPages(database)
        else { return nil }
        let age = StoreTime.milliseconds(now) - checkedAtMs
        guard (0...maximumAge).contains(age) else { return nil }
        return StoreTime.date(checkedAtMs)
    }

    /// Notes the file as it is now, after its last connection closed, with the time of the full check that
    /// preceded the writes. Writes no note (and removes an old one) when the write-ahead log still has pages
    /// (another connection, a build reading, is still open) or the file cannot be read; a failure only means
    /// that the next writer checks the file in full.
    static func record(for database: URL, checkedAt: Date) {
        let note = url(for: database)
        try? FileManager.default.removeItem(at: note)
        guard !logHasPages(database), let modified = modifiedNanoseconds(database.path) else { return }
        // A change in the same tick of the coarse clock could keep the modification time of the last write: wait
        // until that tick is over, so that any later change gets a later time.
        let waited = nowNanoseconds() - modified
        if waited < clockTickNanoseconds {
            Thread.sleep(forTimeInterval: Double(clockTickNanoseconds - waited) / 1e9)
        }
        guard let identity = FileIdentity.of(database.path), !logHasPages(database) else { return }
        let text = "sitrep-store-check-1 \(identity) \(StoreTime.milliseconds(checkedAt))\n"
        try? Data(text.utf8).write(to: note, options: .atomic)
    }

    /// Whether the database's write-ahead log holds anything (a missing or empty log holds nothing).
    private static func logHasPages(_ database: URL) -> Bool {
        var info = stat()
        return stat(database.path + "-wal", &info) == 0 && info.st_size > 0
    }

    private static func modifiedNanoseconds(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.modifiedNanoseconds
    }

    private static func nowNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
