import Foundation

/// A file's bytes as text, or where its first byte that is not UTF-8 is, so that a message can point at the
/// bad character instead of at line 1.
enum UTF8Text {
    /// The first invalid byte: its value and its 1-based line and column (columns count characters).
    struct InvalidByte: Error {
        let byte: UInt8
        let location: SourceLocation

        /// One sentence for a diagnostic at `location`.
        var message: String {
            "this file is not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) here is not part of a valid UTF-8 character"
        }
    }

    static func decode(_ data: Data) -> Result<String, InvalidByte> {
        if let text = String(data: data, encoding: .utf8) { return .success(text) }
        return .failure(firstInvalidByte(in: data))
    }

    private static func firstInvalidByte(in data: Data) -> InvalidByte {
        let bytes = [UInt8](data)
        var line = 1, column = 1, offset = 0
        while offset < bytes.count {
            let length = sequenceLength(bytes, at: offset)
            guard length > 0 else { break }
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            offset += length
        }
        return InvalidByte(byte: offset < bytes.count ? bytes[offset] : 0, location: SourceLocation(line: line, column: column))
    }

    /// The length of the well-formed UTF-8 sequence at `offset` (Unicode table 3-7), 0 when there is none.
    private static func sequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let first = bytes[offset]
        func continuation(_ index: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            offset + index < bytes.count && range.contains(bytes[offset + index])
        }
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}
