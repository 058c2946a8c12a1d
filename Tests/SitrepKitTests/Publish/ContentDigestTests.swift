import Foundation
import Testing
@testable import SitrepKit

/// The digest behind "nothing changed" builds: stable across processes and machines, sensitive to every byte
/// and to where one field ends.
@Suite("Content digest")
struct ContentDigestTests {
    private func digest(_ fields: [String]) -> String {
        var digest = ContentDigest()
        for field in fields { digest.add(field) }
        return digest.hex
    }

    @Test func theSameFieldsGiveTheSameDigestInEveryProcess() {
        #expect(digest(["sitrep", "build"]) == digest(["sitrep", "build"]))
        #expect(digest(["sitrep", "build"]).count == 32)
        // Recorded once: a seeded or platform-dependent hash would change it.
        #expect(digest(["sitrep build inputs 1", "hello, world"]) == "da806e2f7937d4e186520fdf69d8a8bb")
    }

    @Test func everyByteAndEveryFieldBoundaryCounts() {
        let text = String(repeating: "status page ", count: 40)
        var seen = Set<String>()
        seen.insert(digest([text]))
        for offset in stride(from: 0, to: text.utf8.count, by: 7) {
            var bytes = Array(text.utf8)
            bytes[offset] ^= 0x01
            seen.insert(digest([String(decoding: bytes, as: UTF8.self)]))
        }
        #expect(seen.count == 1 + (text.utf8.count + 6) / 7)
        #expect(digest(["ab", "c"]) != digest(["a", "bc"]))
        #expect(digest(["", ""]) != digest([""]))
        #expect(digest(["\0"]) != digest([""]))
    }
}
