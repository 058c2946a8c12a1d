import Foundation

extension TransferFailure {
    /// The SPEC.md error this transport failure stands for, as one readable sentence.
    func probeError(timeoutMs: Int, maxBodyBytes: Int?) -> ProbeError {
        switch reason {
        case .nameResolution:
            ProbeError(kind: .dns, message: "The host name could not be resolved\(explained).")
        case .connectionRefusedOrUnreachable:
            ProbeError(kind: .connect, message: "The connection was refused or the host is unreachable\(explained).")
        case .connectionLost:
            ProbeError(kind: .connect, message: "The connection broke while talking to the server\(explained).")
        case .timedOut:
            ProbeError(kind: .timeout, message: "No complete response within \(timeoutMs) ms\(explained).")
        case .tls:
            ProbeError(kind: .tls, message: "The TLS handshake or certificate verification failed\(explained).")
        case .tooManyRedirects:
            ProbeError(kind: .redirects, message: "The request was redirected too many times\(explained).")
        case .bodyTooLarge:
            ProbeError(kind: .tooLarge, message: "The response body is larger than \(maxBodyBytes.map(String.init) ?? "the allowed number of") bytes, so it was not downloaded further.")
        case .emptyReply:
            ProbeError(kind: .other, message: "The server closed the connection without sending a response.")
        case .other:
            ProbeError(kind: .other, message: "The request failed\(explained).")
        }
    }

    /// libcurl's detail as a parenthesised clause, without its trailing punctuation or line breaks.
    private var explained: String {
        let text = detail
            .replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".")))
        return text.isEmpty ? "" : " (\(text))"
    }
}
