import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a name with the system resolver (`getaddrinfo`) on a thread of its own, so the blocking call never
/// runs on the Swift concurrency pool; the caller stops waiting at the deadline even if the resolver does not.
/// A lookup that outlives its deadline finishes (and frees its thread) whenever the system resolver gives up.
enum DNSResolver {
    enum Answer: Sendable, Equatable {
        case addresses(Int)
        case failed(String)
        case timedOut
    }

    static func lookup(_ name: String, record: DNSRecordType, timeoutMs: Int) async -> Answer {
        await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            Thread.detachNewThread {
                once.resume(returning: resolve(name, family: record == .a ? AF_INET : AF_INET6))
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(max(1, timeoutMs))) {
                once.resume(returning: .timedOut)
            }
        }
    }

    private static func resolve(_ name: String, family: Int32) -> Answer {
        var hints = addrinfo()
        hints.ai_family = family
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else { return .failed(String(cString: gai_strerror(status))) }
        var count = 0
        var node = list
        while let current = node {
            if current.pointee.ai_family == family { count += 1 }
            node = current.pointee.ai_next
        }
        return count > 0 ? .addresses(count) : .failed("no address of the requested family")
    }
}
