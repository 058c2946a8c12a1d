import CCurl
import Foundation

/// One script talking over a connection libcurl opened with CONNECT_ONLY, on the transfer thread only.
///
/// Sends and receives never block: `curl_easy_send`/`curl_easy_recv` return CURLE_AGAIN when the socket is not
/// ready, and the engine waits for readiness in `curl_multi_poll` (see `ConversationSet`). The check's own
/// deadline bounds the whole exchange.
final class SocketConversation {
    let easy: UnsafeMutableRawPointer
    let socket: curl_socket_t
    let deadline: ContinuousClock.Instant
    private var script: any ConversationScript
    private var outbox: [UInt8]
    private var inboxBuffer = [UInt8](repeating: 0, count: 16_384)
    private let timeoutMs: Int
    private let handOver = ContinuousClock.now
    /// Milliseconds libcurl had spent (name lookup, connect) when the connection was handed over.
    private let connectedMs: Double
    private var firstByteMs: Double?
    private(set) var verdict: ConversationVerdict?

    /// nil when libcurl has no socket for the handle.
    init?(easy: UnsafeMutableRawPointer, script: any ConversationScript, timeoutMs: Int, connectedMs: Double) {
        var socket: curl_socket_t = -1
        guard sitrep_easy_getinfo_socket(easy, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 else { return nil }
        self.easy = easy
        self.socket = socket
        self.script = script
        self.timeoutMs = timeoutMs
        self.connectedMs = connectedMs
        outbox = script.opening()
        let remaining = max(0, Double(timeoutMs) - connectedMs)
        deadline = handOver.advanced(by: .milliseconds(Int64(remaining.rounded(.up))))
    }

    /// What to wait for on the socket: readable always, writable while bytes wait to go out.
    var waitEvents: Int16 {
        Int16(outbox.isEmpty ? CURL_WAIT_POLLIN : CURL_WAIT_POLLIN | CURL_WAIT_POLLOUT)
    }

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
            var received = 0
            let code = inboxBuffer.withUnsafeMutableBytes { curl_easy_recv(easy, $0.baseAddress, $0.count, &received) }
            if code == CURLE_AGAIN { return }
            guard code == CURLE_OK else {
                verdict = .failed(broken(code))
                return
            }
            guard received > 0 else {
                verdict = .failed(script.closedEarly())
                return
            }
            if firstByteMs == nil { firstByteMs = elapsedMs }
            switch script.received(inboxBuffer[0..<received]) {
            case .waitForMore: break
            case .send(let bytes): outbox += bytes
            case .finished(let result): verdict = result
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
            var sent = 0
            let code = outbox.withUnsafeBytes { curl_easy_send(easy, $0.baseAddress, $0.count, &sent) }
            if code == CURLE_AGAIN { return true }
            guard code == CURLE_OK else {
                verdict = .failed(broken(code))
                return false
            }
            outbox.removeFirst(sent)
        }
        return true
    }

    private func broken(_ code: CURLcode) -> ProbeError {
        TransferFailure(reason: .connectionLost, detail: String(cString: curl_easy_strerror(code)))
            .probeError(timeoutMs: timeoutMs, maxBodyBytes: nil)
    }
}

/// The conversations in progress, keyed by their easy handle; waited on together with libcurl's own sockets.
final class ConversationSet {
    private var byHandle: [UnsafeMutableRawPointer: SocketConversation] = [:]
    private var waitFDs: [curl_waitfd] = []

    var isEmpty: Bool { byHandle.isEmpty }

    /// Starts talking on a freshly connected handle (sends the opening at once when the socket takes it).
    /// false when there is no socket to talk on.
    func begin(easy: UnsafeMutableRawPointer, script: any ConversationScript, timeoutMs: Int, connectedMs: Double) -> Bool {
        guard let conversation = SocketConversation(easy: easy, script: script, timeoutMs: timeoutMs,
                                                    connectedMs: connectedMs) else { return false }
        conversation.pump()
        byHandle[easy] = conversation
        return true
    }

    /// `curl_multi_poll` on libcurl's sockets and every conversation's, at most `limitMs` and never past the
    /// nearest conversation deadline; then pumps the conversations whose socket is ready.
    func poll(_ multi: UnsafeMutableRawPointer, limitMs: Int32) {
        guard !byHandle.isEmpty else {
            curl_multi_poll(multi, nil, 0, limitMs, nil)
            return
        }
        let conversations = Array(byHandle.values)
        waitFDs = conversations.map { curl_waitfd(fd: $0.socket, events: $0.waitEvents, revents: 0) }
        let now = ContinuousClock.now
        var timeout = limitMs
        if let nearest = conversations.map(\.deadline).min() {
            let left = now.duration(to: nearest).components
            let leftMs = max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000 + 1)
            timeout = Int32(min(Int64(limitMs), leftMs))
        }
        let count = UInt32(waitFDs.count)
        waitFDs.withUnsafeMutableBufferPointer { curl_multi_poll(multi, $0.baseAddress, count, timeout, nil) }
        for (conversation, waited) in zip(conversations, waitFDs) where waited.revents != 0 {
            conversation.pump()
        }
    }

    /// Removes and returns every conversation with a verdict, expiring those past their deadline first.
    func takeFinished() -> [SocketConversation] {
        guard !byHandle.isEmpty else { return [] }
        let now = ContinuousClock.now
        var finished: [SocketConversation] = []
        for (easy, conversation) in byHandle {
            conversation.expireIfDue(at: now)
            if conversation.verdict != nil {
                finished.append(conversation)
                byHandle[easy] = nil
            }
        }
        return finished
    }

    func removeAll() { byHandle.removeAll() }
}
