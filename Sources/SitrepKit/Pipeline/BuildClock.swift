import Foundation

/// The build's "now": `--now` if given, else `SOURCE_DATE_EPOCH`, else the clock. Pinning it makes
/// builds reproducible: the same inputs and the same now give byte-identical output. A pinned time must
/// be a real date within `Timestamp.supportedRange`; anything else is bad usage, not a build problem.
public enum BuildClock {
    public enum Problem: Error, CustomStringConvertible {
        case badNow(String)
        case nowOutOfRange(String)
        case badEpoch(String)
        case epochOutOfRange(String)

        public var description: String {
            switch self {
            case .badNow(let text):
                "--now must be a real ISO 8601 time with Z or an offset, such as 2026-11-20T09:12:00Z, not '\(text)'"
            case .nowOutOfRange(let text):
                "--now must lie \(Timestamp.supportedRangeText), not '\(text)'"
            case .badEpoch(let text): "SOURCE_DATE_EPOCH must be whole seconds since 1970, not '\(text)'"
            case .epochOutOfRange(let text):
                "SOURCE_DATE_EPOCH must name a time \(Timestamp.supportedRangeText) (0 to 253402300799), not '\(text)'"
            }
        }
    }

    public static func resolve(now: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        try pinned(now: now, environment: environment) ?? Date()
    }

    /// The time `--now` or `SOURCE_DATE_EPOCH` pins, nil when neither does (the build then reads the clock).
    public static func pinned(now: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date? {
        if let now {
            guard let date = ContentTime.parse(now, timeZone: nil) else { throw Problem.badNow(now) }
            guard Timestamp.supportedRange.contains(date) else { throw Problem.nowOutOfRange(now) }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch) else { throw Problem.badEpoch(epoch) }
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            guard Timestamp.supportedRange.contains(date) else { throw Problem.epochOutOfRange(epoch) }
            return date
        }
        return nil
    }
}
