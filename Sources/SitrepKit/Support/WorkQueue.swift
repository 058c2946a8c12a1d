import Foundation

/// Runs independent jobs on every core and returns their results in job order, so the output never depends
/// on which worker finished first. Each worker takes the next job not yet taken (jobs differ in cost, so fixed
/// slices would leave a core idle) and owns a state made for it alone (for example date formatters, which
/// are not shared between threads). The calling thread takes part and waits until every job is done.
///
/// A map may run inside a job of another map (the build reads the content in one job while other jobs read
/// the database). `DispatchQueue.concurrentPerform` runs such a nested call on its calling thread alone, and a
/// work item on the global queue waits for a free thread of libdispatch's pool, which on Linux has one thread
/// per core and cannot see that a thread is blocked: while the outer map's caller (a thread of that pool, as
/// Swift's concurrency runs there) waited for the content job, the content's own helper waited a whole second
/// for libdispatch's monitor to add a thread, and the content was read and rendered on one core. So each
/// helper is a thread of its own, started for the map and ended with it (tens of microseconds, against jobs of
/// milliseconds); a helper that starts after the last job was taken leaves at once.
enum WorkQueue {
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static func map<State, Output>(
        count: Int, workers: Int = cores, state makeState: @Sendable () -> State,
        _ job: @Sendable (inout State, Int) -> Output
    ) -> [Output] {
        guard count > 0 else { return [] }
        let helpers = min(max(1, workers), count) - 1
        // The board holds the closures only until every job is done; a helper starting later finds none.
        return withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(job) { job in
                let board = JobBoard<State, Output>(count: count, makeState: makeState, job: job)
                for _ in 0..<helpers {
                    Thread { board.help() }.start()
                }
                board.help()
                return board.finish()
            }
        }
    }

    static func map<Output>(count: Int, workers: Int = cores, _ job: @Sendable (Int) -> Output) -> [Output] {
        map(count: count, workers: workers, state: {}) { _, index in job(index) }
    }

    /// Two jobs of different kinds at once; both results.
    static func both<First, Second>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
        let outputs = map(count: 2) { index -> Either<First, Second> in index == 0 ? .first(first()) : .second(second()) }
        guard case .first(let one)? = outputs.first, case .second(let two)? = outputs.last else {
            preconditionFailure("map returns one output per job, in job order")
        }
        return (one, two)
    }

    private enum Either<First, Second> {
        case first(First)
        case second(Second)
    }
}

/// The jobs of one `WorkQueue.map`: who takes the next one, their results, and how many helpers are at work.
private final class JobBoard<State, Output>: @unchecked Sendable {
    typealias Job = @Sendable (inout State, Int) -> Output
    typealias MakeState = @Sendable () -> State

    // Safety: every stored property is only touched while holding `condition`.
    private let condition = NSCondition()
    private var next = 0
    private var working = 0
    private var slots: [Output?]
    private var makeState: MakeState?
    private var job: Job?

    init(count: Int, makeState: @escaping MakeState, job: @escaping Job) {
        slots = Array(repeating: nil, count: count)
        self.makeState = makeState
        self.job = job
    }

    /// Takes jobs until none is left. Returns at once when every job is already taken.
    func help() {
        guard takeAndWork() else { return }
        condition.withLock {
            working -= 1
            if working == 0 { condition.broadcast() }
        }
    }

    /// Waits for the helpers still at work, lets go of the closures and returns the results in job order.
    func finish() -> [Output] {
        condition.withLock {
            while working > 0 { condition.wait() }
            job = nil
            makeState = nil
            return slots.compactMap { $0 }
        }
    }

    /// Takes a job and then the next ones until none is left; false when none was left to take. The closures
    /// taken are released when this returns, so before `working` drops.
    private func takeAndWork() -> Bool {
        guard let first = take(joining: true) else { return false }
        work(from: first)
        return true
    }

    private func work(from first: (index: Int, job: Job, makeState: MakeState)) {
        var state = first.makeState()
        var index: Int? = first.index
        while let current = index {
            let output = first.job(&state, current)
            index = condition.withLock {
                slots[current] = output
                return takeIndex()
            }
        }
    }

    private func take(joining: Bool) -> (index: Int, job: Job, makeState: MakeState)? {
        condition.withLock {
            guard let job, let makeState, let index = takeIndex() else { return nil }
            if joining { working += 1 }
            return (index, job, makeState)
        }
    }

    /// The next job not yet taken; call while holding `condition`.
    private func takeIndex() -> Int? {
        guard next < slots.count else { return nil }
        defer { next += 1 }
        return next
    }
}
