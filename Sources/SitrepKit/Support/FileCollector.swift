import Foundation

/// Gathers files that renderers hand over from several threads into one `[path: bytes]` dictionary, for
/// callers that want the whole output in memory (tests, benchmarks) rather than streamed to `SiteStaging`.
final class FileCollector: @unchecked Sendable {
    // Safety: `collected` is only touched while holding `lock`.
    private let lock = NSLock()
    private var collected: [String: Data] = [:]

    func add(_ path: String, _ data: Data) { lock.withLock { collected[path] = data } }

    var files: [String: Data] { lock.withLock { collected } }
}
