import Foundation

/// The libcurl engine every channel sends through (webhooks, chats, email, SMS): the same multi-handle
/// machinery as the probes, on its own thread, never the concurrency pool. One per delivery round; `close()`
/// when the round is over.
public final class NotificationTransport: Sendable {
    let curl: CurlMulti
    /// PEM bundles for `ca_file`s, read once per file.
    private let trust: TrustBundles

    public init(maxConcurrentTransfers: Int = 16) {
        curl = CurlMulti(maxConcurrentTransfers: maxConcurrentTransfers)
        trust = TrustBundles()
    }

    func perform(_ request: TransferRequest) async -> TransferOutcome {
        await curl.perform(request)
    }

    /// The system's roots plus `file`; nil when the file cannot be read.
    func trustedCertificates(adding file: URL) -> Data? {
        trust.bundle(adding: file)
    }

    public func close() async {
        await curl.shutdown()
    }
}

/// Caches one combined bundle per `ca_file`.
private final class TrustBundles: @unchecked Sendable {
    // Safety: `bundles` is read and written only while holding `lock`.
    private let lock = NSLock()
    private var bundles: [URL: Data] = [:]

    func bundle(adding file: URL) -> Data? {
        lock.withLock {
            if let known = bundles[file] { return known }
            guard let extra = try? Data(contentsOf: file), !extra.isEmpty else { return nil }
            let combined = TrustStore.systemBundle() + Data("\n".utf8) + extra + Data("\n".utf8)
            bundles[file] = combined
            return combined
        }
    }
}
