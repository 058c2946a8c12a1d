import Foundation

/// Non-blocking byte I/O on a connected socket; the engine provides it over libcurl (`curl_easy_send`/`recv`).
protocol ConnectionIO {
    func send(_ bytes: UnsafeRawBufferPointer) -> ConnectionIOResult
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> ConnectionIOResult
}

enum ConnectionIOResult {
    /// This many bytes went out or came in (0 on receive: the peer closed the connection).
    case transferred(Int)
    /// The socket is not ready; wait for it.
    case wouldBlock
    /// The connection broke; libcurl's explanation.
    case failed(String)
}

/// One script talking over a connection libcurl opened with CONNECT_ONLY, on the transfer thread only.
///
/// Sends and receives never block; the engine waits for the socket's readiness in the engine's epoll set together
/// with libcurl's own sockets, never past the nearest deadline. The check's own deadline bounds the exchange.
final class SocketConversation {
    /// The transfer's easy handle, used only as a key.
    let key: UnsafeMutableRawPointer
    let socket: Int32
    let deadline: ContinuousClock.Instant
    private let io: any ConnectionIO
    private var script: any ConversationScript
    private var outbox: [UInt8]
    private var inboxBuffer = [UInt8](repeating: 0, count: 16_384)
    private let timeoutMs: Int
    private let handOver = ContinuousClock.now
    /// Milliseconds libcurl had spent (name lookup, connect) when the connection was handed over.
    private let connectedMs: Double
    private var firstByteMs: Double?
    private(set) var verdict: ConversationVerdict?

    init(key: UnsafeMutableRawPointer, socket: Int32, io: any ConnectionIO, script: any ConversationScript,
         timeoutMs: Int, connectedMs: Double) {
        self.key = key
        self.socket = socket
        self.io = io
        self.script = script
        self.timeoutMs = timeoutMs
        self.connectedMs = connectedMs
        outbox = script.opening()
        let remaining = max(0, Double(timeoutMs) - connectedMs)
        deadline = handOver.advanced(by: .milliseconds(Int64(remaining.rounded(.up))))
    }

    /// Whether bytes wait to go out (then the socket's writability matters too).
    var wantsToWrite: Bool { !outbox.isEmpty }

    /// Milliseconds since the transfer started.
    private var elapsedMs: Double {
        let since = handOver.duration(to: .now).components
        return connectedMs + Double(since.seconds) * 1000 + Double(since.attoseconds) / 1e15
    }

    /// Sends what is pending and reads what has arrived, until the socket would block or the script is done.
    func pump() {
        while verdict == nil {
            guard flush() else { return }
            if outbox.isEmpty, script.finishesAfterSending {
                verdict = .answered
                return
            }
            let result = inboxBuffer.withUnsafeMutableBytes { io.receive(into: $0) }
            switch result {
            case .wouldBlock:
                return
            case .failed(let detail):
                verdict = .failed(hungUp(detail))
            case .transferred(0):
                verdict = .failed(script.closedEarly())
            case .transferred(let count):
                if firstByteMs == nil { firstByteMs = elapsedMs }
                switch script.received(inboxBuffer[0..<count]) {
                case .waitForMore: break
                case .send(let bytes): outbox += bytes
                case .finished(let result): verdict = result
                }
            }
        }
    }

    /// Ends the exchange when its deadline has passed.
    func expireIfDue(at now: ContinuousClock.Instant) {
        if verdict == nil, now >= deadline { verdict = .failed(script.expired(timeoutMs: timeoutMs)) }
    }

    /// Puts the exchange's verdict and its first-byte and total times into libcurl's outcome.
    func apply(to outcome: inout TransferOutcome) {
        outcome.conversation = verdict
        outcome.timings.ttfbMs = firstByteMs ?? 0
        outcome.timings.totalMs = elapsedMs
    }

    /// Sends as much of the outbox as the socket takes; false when the exchange ended.
    private func flush() -> Bool {
        while !outbox.isEmpty {
            switch outbox.withUnsafeBytes({ io.send($0) }) {
            case .wouldBlock:
                return true
            case .failed(let detail):
                verdict = .failed(hungUp(detail))
                return false
            case .transferred(let count):
                outbox.removeFirst(count)
            }
        }
        return true
    }

    /// A connection reset once connected: the server hung up before answering as its protocol, like an early
    /// close (which of the two a client sees depends only on whether its opening bytes had arrived).
    private func hungUp(_ detail: String) -> ProbeError {
        var error = script.closedEarly()
        error.message += " (\(detail))"
        return error
    }
}

/// The conversations in progress, keyed by their easy handle; waited on together with libcurl's own sockets.
final class ConversationSet {
    struct Waiting {
        var key: UnsafeMutableRawPointer
        var socket: Int32
        var wantsToWrite: Bool
    }

    private var byKey: [UnsafeMutableRawPointer: SocketConversation] = [:]

    /// Starts talking on a freshly connected socket (the opening goes out at once when the socket takes it).
    func begin(_ conversation: SocketConversation) {
        conversation.pump()
        byKey[conversation.key] = conversation
    }

    /// The sockets to wait on and how long to wait: at most `limitMs`, never past the nearest deadline.
    func waitList(limitMs: Int32) -> (sockets: [Waiting], timeoutMs: Int32) {
        guard let nearest = byKey.values.map(\.deadline).min() else { return ([], limitMs) }
        let left = ContinuousClock.now.duration(to: nearest).components
        let leftMs = max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000 + 1)
        let sockets = byKey.values.map { Waiting(key: $0.key, socket: $0.socket, wantsToWrite: $0.wantsToWrite) }
        return (sockets, Int32(min(Int64(limitMs), leftMs)))
    }

    /// Lets the conversations whose sockets are ready send and receive.
    func pump(_ ready: [UnsafeMutableRawPointer]) {
        for key in ready { byKey[key]?.pump() }
    }

    /// Removes and returns every conversation with a verdict, expiring those past their deadline first.
    func takeFinished() -> [SocketConversation] {
        guard !byKey.isEmpty else { return [] }
        let now = ContinuousClock.now
        var finished: [SocketConversation] = []
        for (key, conversation) in byKey {
            conversation.expireIfDue(at: now)
            if conversation.verdict != nil {
                finished.append(conversation)
                byKey[key] = nil
            }
        }
        return finished
    }

    func removeAll() { byKey.removeAll() }
}
