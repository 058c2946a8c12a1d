import Foundation

/// The byte encoding of a segment's body: unsigned LEB128 varints, zigzag for values that may be negative,
/// length-prefixed UTF-8 strings and raw little-endian doubles. Compact (a result is about a dozen bytes) and
/// read without allocating per value, so a day of 500 checks imports in a fraction of a second.
struct SegmentByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    /// nil as 0, a value as its zigzag code plus one.
    mutating func optional(_ value: Int64?) {
        guard let value else { return varint(0) }
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)) &+ 1)
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        varint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what `SegmentByteWriter` wrote; every read past the end or out of range throws `SegmentFormatError`.
struct SegmentByteReader {
    private let bytes: [UInt8]
    private var offset: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            guard shift < 64 else { throw SegmentFormatError.malformed }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw SegmentFormatError.malformed
    }

    mutating func int() throws -> Int64 {
        let code = try varint()
        return Int64(bitPattern: (code >> 1) ^ (0 &- (code & 1)))
    }

    mutating func optional() throws -> Int64? {
        let code = try varint()
        guard code > 0 else { return nil }
        let value = code - 1
        return Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }

    /// A count or index no larger than `limit`.
    mutating func count(atMost limit: Int) throws -> Int {
        let value = try varint()
        guard limit >= 0, value <= UInt64(limit) else { throw SegmentFormatError.malformed }
        return Int(value)
    }

    mutating func double() throws -> Double {
        guard offset + 8 <= bytes.count else { throw SegmentFormatError.malformed }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws -> String {
        let length = try count(atMost: bytes.count - offset)
        let text = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        offset += length
        return text
    }
}

/// The body of a segment does not decode (its checksum matched, so it was written by something else).
enum SegmentFormatError: Error {
    case malformed
}
