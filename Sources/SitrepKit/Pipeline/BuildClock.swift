import Foundation

/// The build's "now": `--now` if given, else `SOURCE_DATE_EPOCH`, else the clock. Pinning it makes
/// builds reproducible: the same inputs and the same now give byte-identical output.
public enum BuildClock {
    public enum Problem: Error, CustomStringConvertible {
        case badNow(String)
        case badEpoch(String)

        public var description: String {
            switch self {
            case .badNow(let text): "--now must be an ISO 8601 time such as 2026-11-20T09:12:00Z, not '\(text)'"
            case .badEpoch(let text): "SOURCE_DATE_EPOCH must be whole seconds since 1970, not '\(text)'"
            }
        }
    }

    public static func resolve(now: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        if let now {
            guard let date = Timestamp.parse(now) else { throw Problem.badNow(now) }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch) else { throw Problem.badEpoch(epoch) }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }
}
