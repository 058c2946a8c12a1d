import Foundation

/// What one libcurl transfer produced, described without any libcurl types.
struct TransferOutcome: Sendable {
    /// nil when the transfer completed (whatever the HTTP status).
    var failure: TransferFailure?
    /// HTTP status of the last response, nil when none arrived.
    var httpStatus: Int?
    var timings: PhaseTimings
    var body: Data
    /// The leaf certificate's "Expire date" exactly as libcurl reports it, when asked for and available.
    var leafCertificateExpiry: String?
    /// The asked-for response headers that came, by lower-cased name.
    var headers: [String: String] = [:]
    /// The cookie engine's cookies after the transfer (libcurl's Netscape-format lines); empty without one.
    var cookies: [String] = []
}

/// Why libcurl could not complete a transfer, reduced to the distinctions the classifier needs.
struct TransferFailure: Sendable, Equatable {
    enum Reason: Sendable, Equatable {
        case nameResolution
        case connectionRefusedOrUnreachable
        case connectionLost
        case timedOut
        case tls
        case tooManyRedirects
        case bodyTooLarge
        case emptyReply
        case other
    }

    var reason: Reason
    /// libcurl's own explanation (its error buffer, or the generic text for the code).
    var detail: String
}

extension TransferOutcome {
    static func failed(_ reason: TransferFailure.Reason, _ detail: String) -> TransferOutcome {
        TransferOutcome(failure: TransferFailure(reason: reason, detail: detail), httpStatus: nil,
                        timings: PhaseTimings(), body: Data(), leafCertificateExpiry: nil)
    }
}
