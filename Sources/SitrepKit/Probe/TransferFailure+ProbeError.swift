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

    /// libcurl's detail as a parenthesised clause, without its trailing punctuation or line breaks. Plain Swift
    /// rather than Foundation's NSString-backed replacing and trimming: a run of thousands of timeouts calls it
    /// once for each.
    private var explained: String {
        let trimmed = detail.drop { $0.isWhitespace || $0 == "." }.reversed().drop { $0.isWhitespace || $0 == "." }
        let text = String(trimmed.reversed().map { $0.isNewline ? " " : $0 })
        return text.isEmpty ? "" : " (\(text))"
    }
}
