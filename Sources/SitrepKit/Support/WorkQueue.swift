import Dispatch
import Foundation

/// Runs independent jobs on every core and returns their results in job order, so the output never depends
/// on which worker finished first. Each worker takes the next job not yet taken (jobs differ in cost, so fixed
/// slices would leave a core idle) and owns a state made for it alone (for example date formatters, which
/// are not shared between threads). The calling thread takes part and waits until every job is done.
enum WorkQueue {
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static func map<State, Output>(
        count: Int, workers: Int = cores, state makeState: @Sendable () -> State,
        _ job: @Sendable (inout State, Int) -> Output
    ) -> [Output] {
        guard count > 0 else { return [] }
        let results = Results<Output>(count: count)
        let threads = min(max(1, workers), count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var state = makeState()
            while let index = results.take() {
                results.store(job(&state, index), at: index)
            }
        }
        return results.all()
    }

    static func map<Output>(count: Int, workers: Int = cores, _ job: @Sendable (Int) -> Output) -> [Output] {
        map(count: count, workers: workers, state: {}) { _, index in job(index) }
    }

    /// Two jobs of different kinds at once; both results.
    static func both<First, Second>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
        let results = Results<Either<First, Second>>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            results.store(index == 0 ? .first(first()) : .second(second()), at: index)
        }
        let outputs = results.all()
        guard case .first(let one)? = outputs.first, case .second(let two)? = outputs.last else {
            preconditionFailure("each job stores its result before concurrentPerform returns")
        }
        return (one, two)
    }

    private enum Either<First, Second> {
        case first(First)
        case second(Second)
    }
}

/// The jobs' shared counter and result slots.
private final class Results<Output>: @unchecked Sendable {
    // Safety: `next` and `slots` are only touched while holding `lock`.
    private let lock = NSLock()
    private var next = 0
    private var slots: [Output?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ output: Output, at index: Int) { lock.withLock { slots[index] = output } }

    func all() -> [Output] { lock.withLock { slots.compactMap { $0 } } }
}
