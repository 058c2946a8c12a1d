import Foundation

/// `api/v1/build.json`, what an open page polls to learn that the site was rebuilt:
/// `{"build": "<32 hex digits>", "generated_at": "<build time>"}`. `build` is a digest of every page's path and
/// bytes (`ContentDigest`), so it changes exactly when some page does and is the same for the same pages
/// (builds with a pinned clock stay byte-identical); `generated_at` lets a page that loaded before a rebuild
/// notice it on its first poll.
///
/// Pages are recorded as they are emitted, from any worker thread; the document is written once the last
/// page is out.
final class BuildMarker: @unchecked Sendable {
    static let path = "api/v1/build.json"

    // Safety: `pages` is only touched while holding `lock`.
    private let lock = NSLock()
    private var pages: [(path: String, digest: String)] = []

    /// `emit`, which also records what it hands on.
    func recording(_ emit: @escaping @Sendable (String, Data) -> Void) -> @Sendable (String, Data) -> Void {
        { [self] path, data in
            var digest = ContentDigest()
            digest.add(data)
            let hex = digest.hex
            lock.withLock { pages.append((path, hex)) }
            emit(path, data)
        }
    }

    /// The document for the pages recorded so far.
    func document(generatedAt: Date) -> Data {
        var digest = ContentDigest()
        digest.add("sitrep pages 1")
        for page in lock.withLock({ pages }).sorted(by: { $0.path < $1.path }) {
            digest.add(page.path)
            digest.add(page.digest)
        }
        let document: JSONValue = .object(["build": .string(digest.hex), "generated_at": .time(generatedAt)])
        return document.data
    }
}
