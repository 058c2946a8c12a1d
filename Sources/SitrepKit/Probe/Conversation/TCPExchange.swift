import Foundation

/// `tcp` with `send` and/or `expect`: sends the bytes, then reads until the reply holds what is expected.
/// Without `expect`, the check is up once the bytes are sent and the connection is still open.
struct TCPExchange: ConversationScript {
    var send: Data?
    var expect: ReplyExpectation?
    private var inbox: [UInt8] = []
    private var regex: NSRegularExpression?

    private static let replyLimit = 65_536

    init(send: Data?, expect: ReplyExpectation?) {
        self.send = send
        self.expect = expect
        if case .regex(let pattern) = expect { regex = try? NSRegularExpression(pattern: pattern) }
    }

    /// Whether the script is done as soon as its opening bytes are sent.
    var finishesAfterSending: Bool { expect == nil }

    func opening() -> [UInt8] { send.map { Array($0) } ?? [] }

    mutating func received(_ bytes: ArraySlice<UInt8>) -> ConversationStep {
        inbox += bytes
        if matches() { return .finished(.answered) }
        if inbox.count >= Self.replyLimit { return .finished(.failed(mismatch)) }
        return .waitForMore
    }

    private func matches() -> Bool {
        switch expect {
        case nil: return true
        case .contains(let wanted): return Data(inbox).range(of: wanted) != nil
        case .regex:
            let text = String(decoding: inbox, as: UTF8.self)
            return regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    private var wanted: String {
        switch expect {
        case nil: ""
        case .contains(let bytes): "contain \(ReplyExcerpt.text(Array(bytes)))"
        case .regex(let pattern): "match /\(pattern)/"
        }
    }

    private var mismatch: ProbeError {
        ProbeError(kind: .body, message: "The reply does not \(wanted) (it began \(ReplyExcerpt.text(inbox))).")
    }

    func closedEarly() -> ProbeError {
        inbox.isEmpty ? cutShort(heard: false, what: "a reply") : mismatch
    }

    func expired(timeoutMs: Int) -> ProbeError {
        inbox.isEmpty ? silence(timeoutMs: timeoutMs, heard: false, what: "a reply") : mismatch
    }
}
