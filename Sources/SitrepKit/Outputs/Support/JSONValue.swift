import Foundation

/// A JSON document built in code and written deterministically: object keys sorted, explicit `null`s kept
/// (Statuspage clients expect them), and `<`, `>`, `&` written as `\u003c`-style escapes so a document can
/// never carry raw markup even when someone pastes it into a page.
///
/// Not `indirect`: nested values already live in the buffers of arrays and `JSONMembers`, and a heap box for
/// every value made allocating and freeing a large document cost about as much as writing it.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONMembers)
    /// A value written beforehand (`written`), copied as it is: a part that several documents repeat is
    /// written once.
    case written([UInt8])

    /// This value, written now, to be placed in several documents.
    var written: JSONValue {
        var out: [UInt8] = []
        write(into: &out)
        return .written(out)
    }

    /// The UTC millisecond timestamp SPEC.md fixes for every JSON time, or `null`.
    static func time(_ date: Date?) -> JSONValue {
        date.map { .string(Timestamp.json($0)) } ?? .null
    }

    static func string(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    /// A number rounded to `decimals` places (so tiny floating-point noise never reaches a file), or `null`.
    static func number(_ value: Double?, decimals: Int) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        let scale = pow(10, Double(decimals))
        return .double((value * scale).rounded() / scale)
    }

    /// Compact UTF-8 JSON.
    var data: Data {
        var out: [UInt8] = []
        write(into: &out)
        return Data(out)
    }

    func serialized() -> String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // Written as bytes: a large build writes millions of small pieces, and appending bytes to an array costs a
    // fraction of appending strings to a string.
    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): Self.writeInteger(value, into: &out)
        case .double(let value): out.append(contentsOf: Self.format(value).utf8)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .written(let bytes): out.append(contentsOf: bytes)
        }
    }

    /// `value` in decimal, as `String(value)` prints it, without making that string.
    private static func writeInteger(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        DecimalText.append(value.magnitude, to: &out)
    }

    /// Integral values print without a fraction (`100`), others with Swift's shortest round-trip digits.
    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings (ids, times, enum values) need no escape at all: the rewriter appends them in one piece.
        text.appendUTF8(to: &out, changing: needsEscaping) { bytes, index, out in
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                writeUnicodeEscape(UInt16(byte), into: &out)
            case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && bytes[index + 1] & 0xFE == 0xA8:
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9), which end a line in JavaScript.
                writeUnicodeEscape(0x2000 | UInt16(bytes[index + 1] & 0x3F), into: &out)
                index += 2
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lowercase hex digits.
    private static func writeUnicodeEscape(_ value: UInt16, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> UInt16(shift)) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    /// Whether a UTF-8 byte starts a character `writeString` escapes (control characters, `"`, `\\`, `<`, `>`,
    /// `&`, and the lead byte 0xE2 of U+2028/U+2029, which `writeString` checks exactly).
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
    }
}
