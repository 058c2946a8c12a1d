import Foundation

/// Who waits for a transfer's outcome: one suspended task (`CurlMulti.perform`), or a batch reader that
/// submitted it under a tag (`CurlMulti.submit`).
enum TransferReceiver {
    case continuation(CheckedContinuation<TransferOutcome, Never>)
    case batch(OutcomeBatches, tag: Int)
}

/// The outcomes finished in one turn of the engine's loop: continuations resume at once, batch readers get
/// theirs together at the end of the turn (`flush`).
struct TurnDeliveries {
    private var batches: [(reader: OutcomeBatches, outcomes: [(tag: Int, outcome: TransferOutcome)])] = []

    mutating func hand(_ outcome: TransferOutcome, to receiver: TransferReceiver) {
        switch receiver {
        case .continuation(let continuation):
            continuation.resume(returning: outcome)
        case .batch(let reader, let tag):
            if let index = batches.firstIndex(where: { $0.reader === reader }) {
                batches[index].outcomes.append((tag, outcome))
            } else {
                batches.append((reader, [(tag, outcome)]))
            }
        }
    }

    mutating func flush() {
        for batch in batches { batch.reader.deliver(batch.outcomes) }
        batches.removeAll(keepingCapacity: true)
    }
}
