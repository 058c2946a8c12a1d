import Foundation

/// `AUTH` (when a password is set), `PING` and, when fields are expected, `INFO`, sent at once; up when every
/// reply is right: `+OK`, `+PONG`, and INFO fields that meet `expect`.
struct RedisPing: ConversationScript {
    var exchange: RedisExchange
    private var inbox: [UInt8] = []
    private var replies: [Reply] = []

    private enum Reply {
        case simple(String)
        case error(String)
        case bulk([UInt8])
        case other
    }

    private static let replyLimit = 262_144

    init(_ exchange: RedisExchange) {
        self.exchange = exchange
    }

    private var expectedReplies: Int { (exchange.password == nil ? 0 : 1) + 1 + (exchange.info.isEmpty ? 0 : 1) }

    func opening() -> [UInt8] {
        var commands: [[String]] = []
        if let password = exchange.password {
            commands.append(["AUTH"] + (exchange.username.map { [$0] } ?? []) + [password])
        }
        commands.append(["PING"])
        if !exchange.info.isEmpty { commands.append(["INFO"]) }
        var bytes: [UInt8] = []
        for command in commands {
            bytes += Array("*\(command.count)\r\n".utf8)
            for argument in command {
                let utf8 = Array(argument.utf8)
                bytes += Array("$\(utf8.count)\r\n".utf8) + utf8 + Array("\r\n".utf8)
            }
        }
        return bytes
    }

    mutating func received(_ bytes: ArraySlice<UInt8>) -> ConversationStep {
        inbox += bytes
        while replies.count < expectedReplies {
            guard let first = inbox.first else { return .waitForMore }
            guard "+-:$".utf8.contains(first) else { return .finished(.failed(notRedis)) }
            guard let (reply, used) = Self.parse(inbox) else {
                return inbox.count > Self.replyLimit ? .finished(.failed(notRedis)) : .waitForMore
            }
            inbox.removeFirst(used)
            replies.append(reply)
        }
        return .finished(judge())
    }

    /// One reply at the start of `buffer` and the bytes it used; nil while incomplete.
    private static func parse(_ buffer: [UInt8]) -> (Reply, Int)? {
        guard let lineEnd = buffer.indices.dropFirst().first(where: { buffer[$0] == 10 && buffer[$0 - 1] == 13 }) else {
            return nil
        }
        let line = String(decoding: buffer[1..<lineEnd - 1], as: UTF8.self)
        switch buffer[0] {
        case UInt8(ascii: "+"): return (.simple(line), lineEnd + 1)
        case UInt8(ascii: "-"): return (.error(line), lineEnd + 1)
        case UInt8(ascii: "$"):
            guard let length = Int(line), length >= 0 else { return (.other, lineEnd + 1) }
            let start = lineEnd + 1
            guard buffer.count >= start + length + 2 else { return nil }
            return (.bulk(Array(buffer[start..<start + length])), start + length + 2)
        default: return (.other, lineEnd + 1)
        }
    }

    private func judge() -> ConversationVerdict {
        var remaining = replies[...]
        if exchange.password != nil, let auth = remaining.popFirst() {
            switch auth {
            case .simple("OK"): break
            case .error(let text): return .failed(ProbeError(kind: .auth, message: "Redis refused the password (\(excerpt(text)))."))
            default: return .failed(notRedis)
            }
        }
        switch remaining.popFirst() {
        case .simple("PONG"): break
        case .error(let text) where text.hasPrefix("NOAUTH"):
            return .failed(ProbeError(kind: .auth, message: "Redis requires a password (\(excerpt(text)))."))
        case .error(let text) where ["LOADING", "BUSY", "MASTERDOWN"].contains(where: text.hasPrefix):
            return .failed(ProbeError(kind: .unavailable, message: "Redis answered PING but cannot serve now (\(excerpt(text)))."))
        case .error(let text):
            return .failed(ProbeError(kind: .protocol, message: "Redis answered PING with an error (\(excerpt(text)))."))
        default:
            return .failed(notRedis)
        }
        guard !exchange.info.isEmpty else { return .answered }
        guard case .bulk(let info) = remaining.popFirst() else {
            return .failed(ProbeError(kind: .protocol, message: "Redis did not answer INFO with its fields."))
        }
        return judgeInfo(String(decoding: info, as: UTF8.self))
    }

    private func judgeInfo(_ text: String) -> ConversationVerdict {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        for expectation in exchange.info {
            guard let observed = fields[expectation.field] else {
                return .failed(ProbeError(kind: .field, message: "Redis INFO has no field \(expectation.field), expected \(expectation.summary)."))
            }
            if !expectation.isMet(by: observed) {
                return .failed(ProbeError(kind: .field, message: "Redis INFO field \(expectation.field) is \(excerpt(observed)), expected \(expectation.summary)."))
            }
        }
        return .answered
    }

    private func excerpt(_ text: String) -> String { ReplyExcerpt.text(Array(text.utf8), limit: 80) }

    private var notRedis: ProbeError {
        ProbeError(kind: .protocol, message: "The server did not answer as Redis does (it sent \(ReplyExcerpt.text(inbox))).")
    }

    func closedEarly() -> ProbeError { cutShort(heard: !inbox.isEmpty || !replies.isEmpty, what: "its Redis replies") }

    func expired(timeoutMs: Int) -> ProbeError {
        silence(timeoutMs: timeoutMs, heard: !inbox.isEmpty || !replies.isEmpty, what: "its Redis replies")
    }
}
