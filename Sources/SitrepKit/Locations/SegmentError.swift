import Foundation

/// A segment file that cannot be imported, as one sentence naming the file; nothing of it is imported.
public struct SegmentError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case empty
        case notASegment
        case newerFormat(String)
        case cutShort(expected: Int, found: Int)
        case damaged
        case unreadable(String)
        /// Its runs overlap runs of the same location imported from another segment.
        case overlaps(location: String, first: Int64, last: Int64)
    }

    public let path: String
    public let problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .empty:
            "\(path) is empty; nothing was imported from it (copy it again)."
        case .notASegment:
            "\(path) is not a sitrep segment (its first line is not a segment header); nothing was imported from it."
        case .newerFormat(let version):
            "\(path) is a segment of format \(version), written by a newer sitrep; nothing was imported from it."
        case .cutShort(let expected, let found):
            "\(path) is cut short (its header announces \(expected) bytes of results, the file holds \(found)); "
                + "nothing was imported from it (copy it again)."
        case .damaged:
            "\(path) is damaged (its checksum does not match its contents); nothing was imported from it."
        case .unreadable(let reason):
            "\(path) cannot be read: \(reason)."
        case .overlaps(let location, let first, let last):
            "\(path) holds runs \(first)-\(last) of location \(location), which overlap a segment imported before "
                + "but are not the same; nothing was imported from it (was that location's database replaced?)."
        }
    }
}
