import Foundation

/// Sends a PostgreSQL StartupMessage (protocol 3.0) and reads the first message back.
///
/// An authentication request (`R`) proves a PostgreSQL server, and so does an ErrorResponse (`E`) such as "role
/// does not exist": only a server that cannot serve now (starting up, shutting down, out of connection slots)
/// counts as down. Anything else is not PostgreSQL.
struct PostgresStartup: ConversationScript {
    var user: String
    var database: String
    private var inbox: [UInt8] = []

    /// Largest first message accepted; real ones are a few hundred bytes.
    private static let messageLimit = 65_536
    /// SQLSTATEs of a server that is there but does not accept sessions now.
    private static let unavailableStates: [String: String] = [
        "57P03": "is starting up or shutting down", "53300": "has no free connection slots",
        "57P01": "is shutting down", "57P02": "is shutting down after a crash", "53000": "has run out of resources",
    ]
    /// AuthenticationRequest codes defined by protocol 3.0.
    private static let authenticationCodes: Set<UInt32> = [0, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12]

    init(user: String, database: String) {
        self.user = user
        self.database = database
    }

    func opening() -> [UInt8] {
        var body: [UInt8] = .bigEndian(196_608) // protocol 3.0
        for (key, value) in [("user", user), ("database", database), ("application_name", "sitrep")] {
            body += Array(key.utf8) + [0] + Array(value.utf8) + [0]
        }
        body.append(0)
        return .bigEndian(UInt32(body.count + 4)) + body
    }

    mutating func received(_ bytes: ArraySlice<UInt8>) -> ConversationStep {
        inbox += bytes
        guard let type = inbox.first else { return .waitForMore }
        guard type == UInt8(ascii: "R") || type == UInt8(ascii: "E") || type == UInt8(ascii: "v") else {
            return .finished(.failed(notPostgres))
        }
        guard let length = inbox.uint32(at: 1) else { return .waitForMore }
        guard length >= 8, length <= Self.messageLimit else { return .finished(.failed(notPostgres)) }
        guard inbox.count >= Int(length) + 1 else { return .waitForMore }
        let message = Array(inbox[5..<Int(length) + 1])
        switch type {
        case UInt8(ascii: "R"):
            guard let code = message.uint32(at: 0), Self.authenticationCodes.contains(code) else {
                return .finished(.failed(notPostgres))
            }
            return .finished(.answered)
        case UInt8(ascii: "v"):
            // NegotiateProtocolVersion: a newer server answering our startup parameters.
            return .finished(.answered)
        default:
            return .finished(judge(errorFields: message))
        }
    }

    /// An ErrorResponse: proof of life unless its SQLSTATE says the server cannot serve now.
    private func judge(errorFields message: [UInt8]) -> ConversationVerdict {
        var fields: [UInt8: String] = [:]
        var index = 0
        while index < message.count, message[index] != 0 {
            let code = message[index]
            guard let end = message[(index + 1)...].firstIndex(of: 0) else { return .failed(notPostgres) }
            fields[code] = String(decoding: message[(index + 1)..<end], as: UTF8.self)
            index = end + 1
        }
        guard let state = fields[UInt8(ascii: "C")], state.count == 5, fields[UInt8(ascii: "M")] != nil else {
            return .failed(notPostgres)
        }
        if let meaning = Self.unavailableStates[state] {
            let said = fields[UInt8(ascii: "M")].map { ": \(ReplyExcerpt.text(Array($0.utf8), limit: 120))" } ?? ""
            return .failed(ProbeError(kind: .unavailable,
                                      message: "PostgreSQL answered but \(meaning) (SQLSTATE \(state))\(said)."))
        }
        return .answered
    }

    private var notPostgres: ProbeError {
        ProbeError(kind: .protocol, message: "The server did not answer the PostgreSQL startup message as PostgreSQL does "
                   + "(it sent \(ReplyExcerpt.text(inbox))).")
    }

    func closedEarly() -> ProbeError { cutShort(heard: !inbox.isEmpty, what: "a PostgreSQL reply") }

    func expired(timeoutMs: Int) -> ProbeError {
        silence(timeoutMs: timeoutMs, heard: !inbox.isEmpty, what: "a PostgreSQL reply")
    }
}
