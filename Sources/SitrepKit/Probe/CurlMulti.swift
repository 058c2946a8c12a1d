import CCurl
import Foundation

/// The only place that talks to libcurl: one multi handle driven on a dedicated thread (never the Swift
/// concurrency pool) through libcurl's socket interface (`curl_multi_socket_action`) and epoll, with
/// `perform(_:)` bridging one transfer to async/await and `submit(_:to:)` taking many whose outcomes come back
/// in batches (`OutcomeBatches`). Each wakeup handles only the sockets that are ready and the
/// timeouts that are due, so a run costs in proportion to its transfers, not to their square as a poll over every
/// transfer in flight would.
///
/// At most `maxConcurrentTransfers` transfers run at once, and at most `admissionsPerTurn` start per turn of the
/// loop; the rest wait in a queue, where their timeout has not started yet. New work is handed to the
/// thread through an eventfd in the epoll set. Call `shutdown()` once all work is done: it stops the thread and
/// frees the multi handle. Every transfer uses a fresh connection, so phase timings always include DNS, connect
/// and TLS. Protocol conversations wait on their kept sockets in the same epoll set.
final class CurlMulti: @unchecked Sendable {
    // Safety: `pending`, `pendingStart`, `stopping`, `stopped` and `wakeupSent` are guarded by `lock`; everything else after init is
    // touched only on the transfer thread, except `wakeup`, which other threads write to (an eventfd write is
    // thread-safe) only while holding `lock` and before `stopping` is set, i.e. before the thread closes it.
    private let lock = NSLock()
    private var pending: [Submission] = []
    /// How many submissions at the front of `pending` were admitted already.
    private var pendingStart = 0
    private var stopping = false
    /// A wakeup was sent and the thread has not yet collected the queue: further submissions need no other.
    private var wakeupSent = false
    private var stopped: CheckedContinuation<Void, Never>?
    /// nil when libcurl or epoll could not be set up; every transfer then fails with a sentence saying so.
    private let multi: UnsafeMutableRawPointer?
    private let epoll: Int32
    private let wakeup: Int32
    /// The monotonic millisecond at which libcurl wants its timeout call, -1 for none; written by libcurl's timer
    /// callback, read by the loop, both on the transfer thread.
    private let timerDeadline: UnsafeMutablePointer<CLongLong>
    /// The epoll set and multi handle libcurl's socket callback works on; lives as long as the multi handle.
    private let epollTarget: UnsafeMutablePointer<sitrep_epoll_target>
    private let maxConcurrentTransfers: Int
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    /// Connected transfers in the middle of a protocol exchange (still in `active` and in the multi handle).
    private let conversations = ConversationSet()
    /// The conversation sockets in the epoll set, with whether each waits for writability too.
    private var watchedConversations: [Int32: (key: UnsafeMutableRawPointer, wantsToWrite: Bool)] = [:]

    /// Outcomes finished in the current turn of the loop, handed over at its end.
    private var deliveries = TurnDeliveries()
    /// Easy handles of finished transfers, reset and kept for the next ones instead of freed and allocated again.
    private var idleHandles: [UnsafeMutableRawPointer] = []

    /// At most this many queued transfers are started per turn of the loop, between the turns that serve the
    /// sockets already ready: transfers start at the rate the thread gets through them, and each one's timeout
    /// (which starts when it is added to libcurl) is not eaten up by a backlog of thousands started at once.
    static let admissionsPerTurn = 128

    private struct Submission {
        var request: TransferRequest
        var receiver: TransferReceiver
    }

    init(maxConcurrentTransfers: Int) {
        _ = CurlLibrary.initialized
        self.maxConcurrentTransfers = max(1, maxConcurrentTransfers)
        timerDeadline = .allocate(capacity: 1)
        timerDeadline.initialize(to: -1)
        epollTarget = .allocate(capacity: 1)
        epollTarget.initialize(to: sitrep_epoll_target(epoll: -1, multi: nil))
        epoll = sitrep_epoll_create()
        wakeup = epoll >= 0 ? sitrep_wakeup_create(epoll) : -1
        let handle = curl_multi_init()
        if let handle, wakeup >= 0, sitrep_multi_use_epoll(handle, epoll, epollTarget, timerDeadline) == CURLM_OK {
            multi = handle
        } else {
            if let handle { curl_multi_cleanup(handle) }
            multi = nil
        }
        let thread = Thread { [self] in runLoop() }
        thread.name = "sitrep-curl"
        thread.start()
    }

    deinit {
        timerDeadline.deallocate()
        epollTarget.deallocate()
    }

    /// The path of libcurl's built-in CA bundle, if it has one.
    static func defaultCABundlePath() -> String? {
        _ = CurlLibrary.initialized
        guard let easy = curl_easy_init() else { return nil }
        defer { curl_easy_cleanup(easy) }
        var path: UnsafeMutablePointer<CChar>?
        guard sitrep_easy_getinfo_string(easy, CURLINFO_CAINFO, &path) == CURLE_OK, let path else { return nil }
        return String(cString: path)
    }

    /// Runs one transfer; never throws: every failure is described in the outcome.
    func perform(_ request: TransferRequest) async -> TransferOutcome {
        await withCheckedContinuation { continuation in
            lock.lock()
            defer { lock.unlock() }
            guard !stopping, multi != nil else {
                continuation.resume(returning: .failed(.other, "The probe engine is not running."))
                return
            }
            pending.append(Submission(request: request, receiver: .continuation(continuation)))
            signalLocked()
        }
    }

    /// Queues transfers whose outcomes go to `reader`, each with its tag, in the batches of the turns in which
    /// they finish. Never suspends: no task waits per transfer.
    func submit(_ requests: [(tag: Int, request: TransferRequest)], to reader: OutcomeBatches) {
        guard !requests.isEmpty else { return }
        lock.lock()
        guard !stopping, multi != nil else {
            lock.unlock()
            reader.deliver(requests.map { ($0.tag, .failed(.other, "The probe engine is not running.")) })
            return
        }
        pending.append(contentsOf: requests.map { Submission(request: $0.request, receiver: .batch(reader, tag: $0.tag)) })
        signalLocked()
        lock.unlock()
    }

    /// Wakes the loop unless a wakeup is already on its way; call holding `lock`.
    private func signalLocked() {
        if !wakeupSent {
            wakeupSent = true
            sitrep_wakeup_signal(wakeup)
        }
    }

    /// Stops the transfer thread once it has finished what it is doing; transfers still queued or running fail.
    func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            defer { lock.unlock() }
            stopped = continuation
            stopping = true
            if multi != nil { sitrep_wakeup_signal(wakeup) } else { continuation.resume() }
        }
    }

    // MARK: - Transfer thread

    private func runLoop() {
        guard let multi else {
            closeDescriptors()
            return
        }
        let capacity: Int32 = 256
        let events = sitrep_epoll_events_allocate(capacity)
        let readyFDs = UnsafeMutablePointer<Int32>.allocate(capacity: Int(capacity))
        let readyFlags = UnsafeMutablePointer<Int32>.allocate(capacity: Int(capacity))
        defer {
            sitrep_epoll_events_free(events)
            readyFDs.deallocate()
            readyFlags.deallocate()
        }
        var running: Int32 = 0
        var readyConversations: [UnsafeMutableRawPointer] = []
        while let admitted = admitPending() {
            for submission in admitted { start(submission, on: multi) }
            let conversationWaitMs = watchConversations()
            let waitMs = hasAdmissibleWork() ? 0 : Self.nearer(curlWaitMs(), conversationWaitMs)
            let count = events == nil ? -1 : sitrep_epoll_wait(epoll, events, readyFDs, readyFlags, capacity, waitMs)
            if count < 0 { break }
            readyConversations.removeAll(keepingCapacity: true)
            for index in 0..<Int(count) {
                let fd = readyFDs[index]
                if fd == wakeup {
                    sitrep_wakeup_drain(wakeup)
                } else if let watched = watchedConversations[fd] {
                    readyConversations.append(watched.key)
                } else {
                    curl_multi_socket_action(multi, fd, readyFlags[index], &running)
                }
            }
            if timerDeadline.pointee >= 0, timerDeadline.pointee <= sitrep_monotonic_ms() {
                timerDeadline.pointee = -1
                sitrep_multi_timeout_action(multi, &running)
            }
            drainFinished(multi)
            conversations.pump(readyConversations)
            finishConversations(multi)
            deliveries.flush()
        }
        conversations.removeAll()
        for (easy, transfer) in active {
            curl_multi_remove_handle(multi, easy)
            deliveries.hand(.failed(.other, "The probe engine stopped before the check finished."), to: transfer.receiver)
            curl_easy_cleanup(easy)
        }
        active.removeAll()
        for easy in idleHandles {
            // A reset handle has lost its no-signal setting, and libcurl would then swap the SIGPIPE handler
            // around freeing it (three system calls a handle: 1,753 of them after 1,000 checks).
            _ = sitrep_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
            curl_easy_cleanup(easy)
        }
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
        closeDescriptors()
        lock.lock()
        let leftover = pending[pendingStart...]
        pending.removeAll()
        let stopped = stopped
        lock.unlock()
        for submission in leftover {
            deliveries.hand(.failed(.other, "The probe engine stopped before the check started."), to: submission.receiver)
        }
        deliveries.flush()
        stopped?.resume()
    }

    /// The shorter of two waits where -1 means "no deadline"; a second when neither has one, as a safety net.
    private static func nearer(_ first: Int32, _ second: Int32) -> Int32 {
        if first < 0 { return second < 0 ? 1000 : second }
        return second < 0 ? first : min(first, second)
    }

    /// How long epoll may sleep for libcurl: until its next timeout, or until woken when it has none.
    private func curlWaitMs() -> Int32 {
        let deadline = timerDeadline.pointee
        guard deadline >= 0 else { return -1 }
        return Int32(clamping: min(1000, max(0, deadline - sitrep_monotonic_ms())))
    }

    /// Puts every conversation socket into the epoll set with what it waits for now; returns how long epoll may
    /// sleep for them (until the nearest conversation deadline, -1 when there is none).
    private func watchConversations() -> Int32 {
        let (waiting, timeoutMs) = conversations.waitList(limitMs: 1000)
        guard !waiting.isEmpty else { return -1 }
        for entry in waiting where watchedConversations[entry.socket]?.wantsToWrite != entry.wantsToWrite {
            _ = sitrep_epoll_watch(epoll, entry.socket, 1, entry.wantsToWrite ? 1 : 0)
            watchedConversations[entry.socket] = (entry.key, entry.wantsToWrite)
        }
        return timeoutMs
    }

    private func closeDescriptors() {
        if wakeup >= 0 { close(wakeup) }
        if epoll >= 0 { close(epoll) }
    }

    /// Takes as many queued submissions as there are free slots, at most `admissionsPerTurn`; nil once the
    /// engine is stopping.
    private func admitPending() -> [Submission]? {
        lock.lock()
        defer { lock.unlock() }
        if stopping { return nil }
        wakeupSent = false
        let free = min(maxConcurrentTransfers - active.count, Self.admissionsPerTurn)
        guard free > 0, pendingStart < pending.count else { return [] }
        let end = min(pending.count, pendingStart + free)
        let taken = Array(pending[pendingStart..<end])
        pendingStart = end
        // The queue is consumed from the front by index and compacted now and then, not shifted on every turn.
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        } else if pendingStart >= 1024, pendingStart * 2 >= pending.count {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        return taken
    }

    private func hasAdmissibleWork() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return !stopping && pendingStart < pending.count && active.count < maxConcurrentTransfers
    }

    private func start(_ submission: Submission, on multi: UnsafeMutableRawPointer) {
        guard let easy = idleHandles.popLast() ?? curl_easy_init() else {
            deliveries.hand(.failed(.other, "libcurl could not create a transfer."), to: submission.receiver)
            return
        }
        let transfer = CurlTransfer(easy: easy, request: submission.request, receiver: submission.receiver)
        if let problem = transfer.configure() {
            finish(transfer, with: .failed(.other, problem))
            return
        }
        guard curl_multi_add_handle(multi, easy) == CURLM_OK else {
            finish(transfer, with: .failed(.other, "libcurl could not start the transfer."))
            return
        }
        active[easy] = transfer
    }

    /// Hands the outcome over and keeps the easy handle, reset to its defaults, for the next transfer. The
    /// handle must be out of the multi handle (a reset closes nothing libcurl still uses).
    private func finish(_ transfer: CurlTransfer, with outcome: TransferOutcome) {
        deliveries.hand(outcome, to: transfer.receiver)
        curl_easy_reset(transfer.easy)
        transfer.releaseLists()
        idleHandles.append(transfer.easy)
    }

    private func drainFinished(_ multi: UnsafeMutableRawPointer) {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            // A connected protocol check keeps its handle in the multi: removing it would close the connection.
            if code == CURLE_OK, let transfer = active[easy], let conversation = transfer.conversation() {
                conversations.begin(conversation)
                continue
            }
            curl_multi_remove_handle(multi, easy)
            if let transfer = active.removeValue(forKey: easy) {
                finish(transfer, with: transfer.outcome(for: code))
            }
        }
    }

    private func finishConversations(_ multi: UnsafeMutableRawPointer) {
        for conversation in conversations.takeFinished() {
            guard let transfer = active.removeValue(forKey: conversation.key) else { continue }
            var outcome = transfer.outcome(for: CURLE_OK)
            conversation.apply(to: &outcome)
            // Out of the epoll set before libcurl closes the socket, whose number a new transfer may then reuse.
            if watchedConversations.removeValue(forKey: conversation.socket) != nil {
                sitrep_epoll_unwatch(epoll, conversation.socket)
            }
            curl_multi_remove_handle(multi, conversation.key)
            finish(transfer, with: outcome)
        }
    }
}

/// `curl_global_init` exactly once per process, on first use.
private enum CurlLibrary {
    static let initialized: Bool = sitrep_global_init_default() == CURLE_OK
}

/// One easy handle and everything it points at; lives on the transfer thread only. The engine owns the handle
/// (it is reset and reused after the transfer), this object what the handle's options point at.
private final class CurlTransfer {
    let easy: UnsafeMutableRawPointer
    let request: TransferRequest
    let receiver: TransferReceiver
    private var body = Data()
    private var bodyTooLarge = false
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var recipientList: UnsafeMutablePointer<curl_slist>?
    private var upload = Data()
    private var uploadOffset = 0
    private let errorBuffer: UnsafeMutablePointer<CChar>

    private static let errorBufferSize = 256 // CURL_ERROR_SIZE
    private static let receiveBufferBytes = 1024 // CURL_MIN_BUFFERSIZE

    init(easy: UnsafeMutableRawPointer, request: TransferRequest, receiver: TransferReceiver) {
        self.easy = easy
        self.request = request
        self.receiver = receiver
        errorBuffer = .allocate(capacity: Self.errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: Self.errorBufferSize)
    }

    deinit {
        releaseLists()
        errorBuffer.deallocate()
    }

    /// Frees the header and recipient lists; only once the handle no longer points at them (removed or reset).
    func releaseLists() {
        curl_slist_free_all(headerList)
        curl_slist_free_all(recipientList)
        headerList = nil
        recipientList = nil
    }

    /// The protocol exchange to hold on this freshly connected handle; nil when the request has none.
    func conversation() -> SocketConversation? {
        guard let script = request.exchange?.makeScript() else { return nil }
        var socket: curl_socket_t = -1
        guard sitrep_easy_getinfo_socket(easy, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 else { return nil }
        return SocketConversation(key: easy, socket: socket, io: CurlConnection(easy: easy), script: script,
                                  timeoutMs: request.timeoutMs, connectedMs: timings().totalMs)
    }

    /// Sets every option; returns a sentence describing the first option libcurl rejected.
    func configure() -> String? {
        var problem: String?
        func check(_ code: CURLcode, _ what: String) {
            if code != CURLE_OK, problem == nil {
                problem = "libcurl rejected the \(what) setting (\(String(cString: curl_easy_strerror(code))))."
            }
        }
        check(sitrep_easy_setopt_string(easy, CURLOPT_URL, request.url), "URL")
        check(sitrep_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")
        check(sitrep_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "no-signal")
        check(sitrep_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, request.timeoutMs)), "timeout")
        check(sitrep_easy_setopt_long(easy, CURLOPT_FRESH_CONNECT, 1), "fresh-connect")
        // libcurl's smallest receive buffer instead of 16 KiB per transfer: a thousand transfers in flight hold
        // 1 MB instead of 16 MB, and a check's reply is read in a few more calls at most.
        check(sitrep_easy_setopt_long(easy, CURLOPT_BUFFERSIZE, Self.receiveBufferBytes), "buffer size")
        // A connection kept for a protocol exchange must outlive the connect step; it is closed on removal.
        if request.exchange == nil {
            check(sitrep_easy_setopt_long(easy, CURLOPT_FORBID_REUSE, 1), "forbid-reuse")
        }
        if case .smtp = request.mode {
            check(sitrep_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps"), "protocols")
        } else {
            check(sitrep_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, request.protocols), "protocols")
            check(sitrep_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, request.protocols), "redirect protocols")
            check(sitrep_easy_setopt_string(easy, CURLOPT_USERAGENT, request.userAgent), "user agent")
        }
        if request.insecure {
            check(sitrep_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0), "verify-peer")
            check(sitrep_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0), "verify-host")
        } else if let pem = request.trustedCertificatesPEM {
            var bytes = pem
            let code = bytes.withUnsafeMutableBytes { raw in
                sitrep_easy_setopt_blob_copy(easy, CURLOPT_CAINFO_BLOB, raw.baseAddress, raw.count)
            }
            check(code, "CA bundle")
        }
        switch request.mode {
        case .connectOnly:
            check(sitrep_easy_setopt_long(easy, CURLOPT_CONNECT_ONLY, 1), "connect-only")
            if request.requireStartTLS {
                check(sitrep_easy_setopt_long(easy, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)), "STARTTLS")
            }
            if !request.offerALPN {
                check(sitrep_easy_setopt_long(easy, CURLOPT_SSL_ENABLE_ALPN, 0), "ALPN")
            }
            if request.collectCertificateInfo {
                check(sitrep_easy_setopt_long(easy, CURLOPT_CERTINFO, 1), "certificate info")
            }
        case .http:
            configureHTTP(check)
        case .smtp(let envelope):
            configureSMTP(envelope, check)
        }
        return problem
    }

    /// MAIL FROM, RCPT TO, the login (only over TLS unless the URL says otherwise) and the message as an upload
    /// read from memory by `sendNextBytes`.
    private func configureSMTP(_ envelope: SMTPEnvelope, _ check: (CURLcode, String) -> Void) {
        upload = envelope.message
        check(sitrep_easy_setopt_string(easy, CURLOPT_MAIL_FROM, "<\(envelope.mailFrom)>"), "mail sender")
        for recipient in envelope.recipients {
            recipientList = curl_slist_append(recipientList, "<\(recipient)>")
        }
        check(sitrep_easy_setopt_slist(easy, CURLOPT_MAIL_RCPT, recipientList), "mail recipients")
        if envelope.requireTLS {
            check(sitrep_easy_setopt_long(easy, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)), "STARTTLS")
        }
        if let username = envelope.username {
            check(sitrep_easy_setopt_string(easy, CURLOPT_USERNAME, username), "user name")
        }
        if let password = envelope.password {
            check(sitrep_easy_setopt_string(easy, CURLOPT_PASSWORD, password), "password")
        }
        check(sitrep_easy_setopt_long(easy, CURLOPT_UPLOAD, 1), "upload")
        check(sitrep_easy_setopt_off_t(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(envelope.message.count)), "message size")
        let this = Unmanaged.passUnretained(self).toOpaque()
        check(sitrep_easy_setopt_pointer(easy, CURLOPT_READDATA, this), "read source")
        check(sitrep_easy_setopt_read_function(easy) { buffer, size, count, userdata in
            guard let userdata, let buffer else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
            return transfer.sendNextBytes(into: buffer, capacity: size * count)
        }, "read callback")
    }

    /// Copies the next part of the upload into libcurl's buffer; 0 once everything was sent.
    private func sendNextBytes(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let length = min(capacity, upload.count - uploadOffset)
        guard length > 0 else { return 0 }
        upload.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + uploadOffset, byteCount: length)
        }
        uploadOffset += length
        return length
    }

    private func configureHTTP(_ check: (CURLcode, String) -> Void) {
        let method = request.method.uppercased()
        if let payload = request.body {
            check(sitrep_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(payload.count)), "body size")
            var bytes = payload
            bytes.append(0)
            let code = bytes.withUnsafeMutableBytes { raw in
                sitrep_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, raw.baseAddress)
            }
            check(code, "body")
        }
        if method == "HEAD" {
            check(sitrep_easy_setopt_long(easy, CURLOPT_NOBODY, 1), "method")
        } else if method != "GET" || request.body != nil {
            check(sitrep_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method), "method")
        }
        // "Expect:" turns off libcurl's `Expect: 100-continue`, which only a request with a body would send.
        for line in request.body == nil ? request.headerLines : request.headerLines + ["Expect:"] {
            headerList = curl_slist_append(headerList, line)
        }
        if headerList != nil {
            check(sitrep_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "headers")
        }
        check(sitrep_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0), "follow-redirects")
        check(sitrep_easy_setopt_long(easy, CURLOPT_MAXREDIRS, request.maxRedirects), "redirect limit")
        if request.collectCertificateInfo {
            check(sitrep_easy_setopt_long(easy, CURLOPT_CERTINFO, 1), "certificate info")
        }
        if let limit = request.maxBodyBytes {
            check(sitrep_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limit)), "size limit")
        }
        if let cookies = request.cookies {
            check(sitrep_easy_setopt_string(easy, CURLOPT_COOKIEFILE, ""), "cookie engine")
            for line in cookies {
                check(sitrep_easy_setopt_string(easy, CURLOPT_COOKIELIST, line), "cookie")
            }
        }
        let this = Unmanaged.passUnretained(self).toOpaque()
        check(sitrep_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, this), "write target")
        check(sitrep_easy_setopt_write_function(easy) { data, size, count, userdata in
            guard let userdata else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
            return transfer.receive(data, size * count)
        }, "write callback")
    }

    /// Keeps the body up to the limit; returning less than `length` makes libcurl abort the transfer.
    private func receive(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        if let limit = request.maxBodyBytes, body.count + length > limit {
            bodyTooLarge = true
            return 0
        }
        if let data, length > 0 {
            data.withMemoryRebound(to: UInt8.self, capacity: length) { body.append($0, count: length) }
        }
        return length
    }

    func outcome(for code: CURLcode) -> TransferOutcome {
        var status = 0
        _ = sitrep_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        return TransferOutcome(
            failure: failure(for: code),
            httpStatus: status > 0 ? status : nil,
            timings: timings(),
            body: body,
            leafCertificateExpiry: request.collectCertificateInfo ? leafExpiry() : nil,
            headers: responseHeaders(),
            cookies: request.cookies == nil ? [] : cookieLines()
        )
    }

    /// The asked-for headers of the last response (after redirects), by lower-cased name.
    private func responseHeaders() -> [String: String] {
        var found: [String: String] = [:]
        for name in request.responseHeaderNames {
            var header: UnsafeMutablePointer<curl_header>?
            guard curl_easy_header(easy, name, 0, UInt32(CURLH_HEADER), -1, &header) == CURLHE_OK,
                  let value = header?.pointee.value else { continue }
            found[name.lowercased()] = String(cString: value)
        }
        return found
    }

    /// Every cookie the cookie engine holds, as libcurl lists them (Netscape format).
    private func cookieLines() -> [String] {
        var raw: UnsafeMutableRawPointer?
        guard sitrep_easy_getinfo_pointer(easy, CURLINFO_COOKIELIST, &raw) == CURLE_OK, let raw else { return [] }
        let list = raw.assumingMemoryBound(to: curl_slist.self)
        defer { curl_slist_free_all(list) }
        var lines: [String] = []
        var node: UnsafeMutablePointer<curl_slist>? = list
        while let current = node {
            if let data = current.pointee.data { lines.append(String(cString: data)) }
            node = current.pointee.next
        }
        return lines
    }

    private func failure(for code: CURLcode) -> TransferFailure? {
        if code == CURLE_OK { return nil }
        let buffered = String(cString: errorBuffer)
        let detail = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
        if bodyTooLarge || code == CURLE_FILESIZE_EXCEEDED {
            return TransferFailure(reason: .bodyTooLarge, detail: detail)
        }
        return TransferFailure(reason: Self.reason(for: code), detail: detail)
    }

    private static func reason(for code: CURLcode) -> TransferFailure.Reason {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .nameResolution
        case CURLE_COULDNT_CONNECT: .connectionRefusedOrUnreachable
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_WEIRD_SERVER_REPLY: .unexpectedReply
        case CURLE_TOO_MANY_REDIRECTS: .tooManyRedirects
        case CURLE_GOT_NOTHING: .emptyReply
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR: .connectionLost
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_USE_SSL_FAILED:
            .tls
        default: .other
        }
    }

    private func timings() -> PhaseTimings {
        func milliseconds(_ info: CURLINFO) -> Double {
            var microseconds: curl_off_t = 0
            _ = sitrep_easy_getinfo_off_t(easy, info, &microseconds)
            return Double(microseconds) / 1000
        }
        return PhaseTimings(
            dnsMs: milliseconds(CURLINFO_NAMELOOKUP_TIME_T),
            connectMs: milliseconds(CURLINFO_CONNECT_TIME_T),
            tlsMs: milliseconds(CURLINFO_APPCONNECT_TIME_T),
            ttfbMs: milliseconds(CURLINFO_STARTTRANSFER_TIME_T),
            totalMs: milliseconds(CURLINFO_TOTAL_TIME_T)
        )
    }

    /// The "Expire date" field of the first (leaf) certificate libcurl saw.
    private func leafExpiry() -> String? {
        var raw: UnsafeMutableRawPointer?
        guard sitrep_easy_getinfo_pointer(easy, CURLINFO_CERTINFO, &raw) == CURLE_OK, let raw else { return nil }
        let info = raw.assumingMemoryBound(to: curl_certinfo.self).pointee
        guard info.num_of_certs > 0, let chain = info.certinfo else { return nil }
        var field = chain[0]
        let prefix = "Expire date:"
        while let node = field {
            if let text = node.pointee.data.map({ String(cString: $0) }), text.hasPrefix(prefix) {
                return String(text.dropFirst(prefix.count))
            }
            field = node.pointee.next
        }
        return nil
    }
}

/// `curl_easy_send`/`curl_easy_recv` on a CONNECT_ONLY handle, for a protocol exchange.
private struct CurlConnection: ConnectionIO {
    let easy: UnsafeMutableRawPointer

    func send(_ bytes: UnsafeRawBufferPointer) -> ConnectionIOResult {
        var sent = 0
        return Self.result(curl_easy_send(easy, bytes.baseAddress, bytes.count, &sent), sent)
    }

    func receive(into buffer: UnsafeMutableRawBufferPointer) -> ConnectionIOResult {
        var received = 0
        return Self.result(curl_easy_recv(easy, buffer.baseAddress, buffer.count, &received), received)
    }

    private static func result(_ code: CURLcode, _ count: Int) -> ConnectionIOResult {
        switch code {
        case CURLE_OK: .transferred(count)
        case CURLE_AGAIN: .wouldBlock
        default: .failed(String(cString: curl_easy_strerror(code)))
        }
    }
}
