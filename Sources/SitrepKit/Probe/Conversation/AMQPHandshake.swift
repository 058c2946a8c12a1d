import Foundation

/// Sends the AMQP 0-9-1 protocol header; up when the server's first frame is Connection.Start for 0-9.
struct AMQPHandshake: ConversationScript {
    private var inbox: [UInt8] = []

    private static let header: [UInt8] = Array("AMQP".utf8) + [0, 0, 9, 1]
    private static let frameLimit = 131_072
    private static let frameEnd: UInt8 = 0xCE

    func opening() -> [UInt8] { Self.header }

    mutating func received(_ bytes: ArraySlice<UInt8>) -> ConversationStep {
        inbox += bytes
        // A server that does not speak 0-9-1 answers with the protocol header it does speak, then closes.
        if inbox.starts(with: Array("AMQP".utf8)) {
            guard inbox.count >= 8 else { return .waitForMore }
            let offered = inbox[5..<8].map(String.init).joined(separator: "-")
            return .finished(.failed(ProbeError(kind: .protocol,
                                                message: "The server speaks AMQP \(offered), not 0-9-1.")))
        }
        guard let type = inbox.first else { return .waitForMore }
        guard type == 1 else { return .finished(.failed(notAMQP)) }
        guard let channel = inbox.uint16(at: 1), let size = inbox.uint32(at: 3) else { return .waitForMore }
        guard channel == 0, size >= 4, size <= Self.frameLimit else { return .finished(.failed(notAMQP)) }
        let end = 7 + Int(size)
        guard inbox.count > end else { return .waitForMore }
        guard inbox[end] == Self.frameEnd, inbox.uint16(at: 7) == 10, inbox.uint16(at: 9) == 10 else {
            return .finished(.failed(notAMQP))
        }
        // Connection.Start carries version-major 0 and version-minor 9 first.
        guard size >= 6, inbox[11] == 0, inbox[12] == 9 else { return .finished(.failed(notAMQP)) }
        return .finished(.answered)
    }

    private var notAMQP: ProbeError {
        ProbeError(kind: .protocol, message: "The server did not answer the AMQP 0-9-1 header with Connection.Start "
                   + "(it sent \(ReplyExcerpt.text(inbox))).")
    }

    func closedEarly() -> ProbeError { cutShort(heard: !inbox.isEmpty, what: "AMQP Connection.Start") }

    func expired(timeoutMs: Int) -> ProbeError {
        silence(timeoutMs: timeoutMs, heard: !inbox.isEmpty, what: "AMQP Connection.Start")
    }
}
