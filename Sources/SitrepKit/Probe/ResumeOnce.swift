import Foundation

/// Resumes a continuation with whichever value arrives first (e.g. a result or a deadline) and ignores the rest.
final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
    // Safety: `continuation` is read and cleared only while holding `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?

    init(_ continuation: CheckedContinuation<Value, Never>) {
        self.continuation = continuation
    }

    func resume(returning value: Value) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(returning: value)
    }
}
