import Foundation

/// A 128-bit digest of bytes and strings, for telling whether a build's inputs changed; not cryptographic
/// (nobody gains from forging a collision: the worst outcome is one build skipped that the user could force by
/// deleting the stamp). Two independent 64-bit lanes, each folding eight bytes at a time through a full-width
/// multiply, so every input bit reaches every output bit. The same input gives the same digest in every
/// process and on every machine (no random seed, explicit little-endian reads).
struct ContentDigest {
    private var first: UInt64 = 0x243F_6A88_85A3_08D3
    private var second: UInt64 = 0x1319_8A2E_0370_7344
    private var length: UInt64 = 0

    /// Adds raw bytes.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            for index in offset..<count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
            mix(tail)
        }
        // The length ends every field, so ("ab", "c") and ("a", "bc") differ.
        mix(UInt64(count) ^ 0xA076_1D64_78BD_642F)
        length &+= UInt64(count)
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ number: Int64) {
        add(String(number))
    }

    /// Thirty-two hex digits.
    var hex: String {
        let a = Self.fold(first ^ length, 0xE703_7ED1_A0B4_28DB)
        let b = Self.fold(second ^ length, 0x8EBC_6AF0_9C88_C6E3)
        return Self.hex(a) + Self.hex(b)
    }

    private mutating func mix(_ word: UInt64) {
        first = Self.fold(first ^ word, 0x9E37_79B9_7F4A_7C15)
        second = Self.fold((second ^ word) &+ 0x2545_F491_4F6C_DD1D, 0xBF58_476D_1CE4_E5B9)
    }

    /// The high and low halves of the 128-bit product, xored.
    private static func fold(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: multiplier)
        return product.high ^ product.low
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
