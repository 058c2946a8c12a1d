import Foundation
import GRDB

/// A database problem, worded as one sentence that names the file (`description`).
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file exists but is not an SQLite database at all.
        case notADatabase
        /// The file is an SQLite database that sitrep did not create.
        case notSitrep
        /// The file is a sitrep database written by a newer sitrep.
        case newerSchema
        /// A reader found a sitrep database that still needs a migration only a writer may run.
        case olderSchema
        /// SQLite reports the file as damaged.
        case corrupt
        /// The file exists but cannot be read.
        case unreadable
        /// The file or its folder cannot be created or written.
        case unwritable
        /// The disk (or SQLite's page limit) is full.
        case diskFull
        /// Another connection held the lock past the busy timeout.
        case busy
        /// A reader was asked for a database that does not exist (or is empty) yet.
        case missing
        /// Anything else SQLite or the file system reported.
        case other
    }

    public var kind: Kind
    /// The database file as the caller named it (relative when the URL was relative to a base).
    public var path: String
    /// What SQLite or the file system said, for the parenthesis.
    public var detail: String

    public init(_ kind: Kind, path: String, detail: String = "") {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String {
        let reason = detail.isEmpty ? "" : " (\(detail))"
        switch kind {
        case .notADatabase:
            return "\(path) is not a sitrep database\(reason); it was left untouched."
        case .notSitrep:
            return "\(path) is an SQLite database that sitrep did not create\(reason); it was left untouched."
        case .newerSchema:
            return "\(path) was written by a newer version of sitrep\(reason); it was left untouched."
        case .olderSchema:
            return "\(path) was written by an older version of sitrep\(reason); run `sitrep probe` once to upgrade it."
        case .corrupt:
            return "\(path) is damaged\(reason); it was left untouched, restore it from a backup or move it away."
        case .unreadable:
            return "\(path) cannot be read\(reason); check its permissions."
        case .unwritable:
            return "\(path) cannot be written\(reason); check the permissions of the file and its folder."
        case .diskFull:
            return "\(path) could not be written because the disk is full\(reason); nothing was recorded."
        case .busy:
            return "\(path) stayed locked by another sitrep process\(reason); try again when it has finished."
        case .missing:
            return "\(path) holds no sitrep data yet; run `sitrep probe` to record the first results."
        case .other:
            return "\(path) could not be used\(reason)."
        }
    }
}

extension StoreError {
    /// Classifies anything thrown while using the database at `path`; `reading` when only reading it, so that a
    /// file SQLite cannot open is unreadable rather than unwritable.
    init(_ error: any Error, path: String, reading: Bool = false) {
        if let storeError = error as? StoreError {
            self = storeError
            return
        }
        guard let databaseError = error as? DatabaseError else {
            self.init(.other, path: path, detail: String(describing: error))
            return
        }
        let detail = databaseError.message ?? "SQLite error \(databaseError.resultCode.rawValue)"
        switch databaseError.resultCode {
        case .SQLITE_NOTADB: self.init(.notADatabase, path: path, detail: "file is not a database")
        case .SQLITE_CORRUPT: self.init(.corrupt, path: path, detail: detail)
        case .SQLITE_FULL: self.init(.diskFull, path: path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            self.init(reading ? .unreadable : .unwritable, path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self.init(.busy, path: path, detail: detail)
        default: self.init(.other, path: path, detail: detail)
        }
    }
}
