import Foundation

/// Where the probe engine delivers the outcomes of transfers submitted with a tag, a batch per turn of its
/// event loop: one waiting reader takes everything that finished since it last looked.
///
/// This replaces a suspended task per transfer in flight (each holding its async frame, several KB) with one
/// array entry per finished transfer, and one wakeup of the reader per engine turn instead of one per transfer.
final class OutcomeBatches: @unchecked Sendable {
    // Safety: `ready` and `reader` are read and written only while holding `lock`.
    private let lock = NSLock()
    private var ready: [(tag: Int, outcome: TransferOutcome)] = []
    private var reader: CheckedContinuation<[(tag: Int, outcome: TransferOutcome)], Never>?

    /// Called by the engine thread with what finished in one turn.
    func deliver(_ outcomes: [(tag: Int, outcome: TransferOutcome)]) {
        guard !outcomes.isEmpty else { return }
        lock.lock()
        ready.append(contentsOf: outcomes)
        let waiting = reader
        reader = nil
        let taken = waiting == nil ? [] : ready
        if waiting != nil { ready = [] }
        lock.unlock()
        waiting?.resume(returning: taken)
    }

    /// Everything delivered since the last call, waiting until there is something. One reader at a time.
    func next() async -> [(tag: Int, outcome: TransferOutcome)] {
        await withCheckedContinuation { continuation in
            lock.lock()
            if ready.isEmpty {
                reader = continuation
                lock.unlock()
                return
            }
            let taken = ready
            ready = []
            lock.unlock()
            continuation.resume(returning: taken)
        }
    }
}
