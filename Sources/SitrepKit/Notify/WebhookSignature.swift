import Crypto
import Foundation

/// HMAC-SHA256 for signed webhooks and SHA-256 digests for stable event ids (swift-crypto).
enum WebhookSignature {
    /// The header a signed webhook carries: `X-Sitrep-Signature: sha256=<hex HMAC-SHA256 of the body>`.
    static let headerName = "X-Sitrep-Signature"

    static func headerValue(body: Data, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + hex(code)
    }

    /// The first 16 bytes of SHA-256 over the parts (each ended by a newline), in hex: ids that stay the same
    /// for the same facts in every process.
    static func digest(_ parts: [String]) -> String {
        let text = parts.map { $0 + "\n" }.joined()
        return String(hex(SHA256.hash(data: Data(text.utf8))).prefix(32))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
