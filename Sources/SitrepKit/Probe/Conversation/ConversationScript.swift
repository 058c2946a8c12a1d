import Foundation

/// One client side of a short protocol exchange, run on the transfer thread once the connection is up.
///
/// A script is a small state machine: it says what to send first, is handed every chunk the server sends, and
/// decides when the exchange proves (or disproves) that the right kind of server is there.
protocol ConversationScript {
    /// Bytes to send as soon as the connection is up (empty: just listen).
    func opening() -> [UInt8]
    /// A chunk of the server's reply; what to do next.
    mutating func received(_ bytes: ArraySlice<UInt8>) -> ConversationStep
    /// The server closed the connection before the script finished.
    func closedEarly() -> ProbeError
    /// The check's deadline passed before the script finished; `timeoutMs` is that deadline.
    func expired(timeoutMs: Int) -> ProbeError
    /// true: the exchange is over, and up, once the opening bytes are sent.
    var finishesAfterSending: Bool { get }
}

enum ConversationStep {
    /// Keep listening.
    case waitForMore
    /// Send these bytes, then keep listening.
    case send([UInt8])
    /// The exchange is over.
    case finished(ConversationVerdict)
}

enum ConversationVerdict: Sendable {
    /// The server answered as the protocol expects.
    case answered
    case failed(ProbeError)
}

extension ConversationScript {
    var finishesAfterSending: Bool { false }

    /// Nothing at all, or not enough, came back in time.
    func silence(timeoutMs: Int, heard: Bool, what: String) -> ProbeError {
        let detail = heard ? "sent only part of \(what)" : "sent nothing"
        return ProbeError(kind: .timeout, message: "Connected, but the server \(detail) within \(timeoutMs) ms.")
    }

    /// The connection ended before the reply was complete.
    func cutShort(heard: Bool, what: String) -> ProbeError {
        let detail = heard ? "before finishing \(what)" : "without sending \(what)"
        return ProbeError(kind: .protocol, message: "The server closed the connection \(detail).")
    }
}

/// Bytes shown in an error message: printable ASCII as is, anything else as \xNN, cut to `limit` bytes.
enum ReplyExcerpt {
    static func text(_ bytes: some Collection<UInt8>, limit: Int = 40) -> String {
        var shown = ""
        for byte in bytes.prefix(limit) {
            switch byte {
            case 0x20..<0x7F where byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\""): shown.append(Character(UnicodeScalar(byte)))
            case UInt8(ascii: "\r"): shown += "\\r"
            case UInt8(ascii: "\n"): shown += "\\n"
            default: shown += String(format: "\\x%02X", byte)
            }
        }
        return "\"" + shown + (bytes.count > limit ? "…" : "") + "\""
    }
}

/// Big-endian integers from a byte buffer.
extension Array where Element == UInt8 {
    func uint32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= count else { return nil }
        return self[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    func uint16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= count else { return nil }
        return UInt16(self[offset]) << 8 | UInt16(self[offset + 1])
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
