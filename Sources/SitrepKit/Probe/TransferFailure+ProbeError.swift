import Foundation

extension TransferFailure {
    /// The SPEC.md error this transport failure stands for, as one readable sentence.
    func probeError(timeoutMs: Int, maxBodyBytes: Int?) -> ProbeError {
        let (kind, sentence): (ProbeErrorKind, String) = switch reason {
        case .nameResolution: (.dns, "The host name could not be resolved\(explained).")
        case .connectionRefusedOrUnreachable: (.connect, "The connection was refused or the host is unreachable\(explained).")
        case .connectionLost: (.connect, "The connection broke while talking to the server\(explained).")
        case .timedOut: (.timeout, "No complete response within \(timeoutMs) ms\(explained).")
        case .tls: (.tls, "The TLS handshake or certificate verification failed\(explained).")
        case .tooManyRedirects: (.redirects, "The request was redirected too many times\(explained).")
        case .bodyTooLarge:
            (.tooLarge, "The response body is larger than \(maxBodyBytes.map(String.init) ?? "the allowed number of") bytes, so it was not downloaded further.")
        case .unexpectedReply: (.protocol, "The server's reply did not follow the protocol\(explained).")
        case .emptyReply: (.other, "The server closed the connection without sending a response.")
        case .other: (.other, "The request failed\(explained).")
        }
        return ProbeError(kind: kind, message: sentence)
    }

    /// libcurl's detail as a parenthesised clause, without its leading and trailing spaces and dots, its line
    /// breaks made spaces. libcurl's details are ASCII, which is trimmed byte by byte: walking `Character`s
    /// took 94,000 instructions a detail, and a run of thousands of timeouts asks once for each.
    private var explained: String {
        guard detail.utf8.allSatisfy({ $0 < 0x80 }) else { return Self.explainedByCharacter(detail) }
        let bytes = Array(detail.utf8)
        func trimmed(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = bytes.firstIndex(where: { !trimmed($0) }), let last = bytes.lastIndex(where: { !trimmed($0) }) else {
            return ""
        }
        let text = bytes[first...last].map { (0x0A...0x0D).contains($0) ? UInt8(ascii: " ") : $0 }
        return " (\(String(decoding: text, as: UTF8.self)))"
    }

    private static func explainedByCharacter(_ detail: String) -> String {
        let trimmed = detail.drop { $0.isWhitespace || $0 == "." }.reversed().drop { $0.isWhitespace || $0 == "." }
        let text = String(trimmed.reversed().map { $0.isNewline ? " " : $0 })
        return text.isEmpty ? "" : " (\(text))"
    }
}
