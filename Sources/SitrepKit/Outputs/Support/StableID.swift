/// Short identifiers that are the same on every build and every machine: 64-bit FNV-1a of the input (Swift's
/// `Hasher` is seeded per process, so it cannot be used), written in base 36 and padded to 12 characters
/// like Statuspage's own ids.
enum StableID {
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 36)
        let padded = String(repeating: "0", count: max(0, 13 - digits.count)) + digits
        return String(padded.suffix(12))
    }
}
