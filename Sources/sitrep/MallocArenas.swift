import Foundation

/// glibc's malloc gives threads that allocate at the same time arenas of their own, up to eight per core, and
/// memory freed in one arena is reused only by allocations in that arena. A probe frees what its transfer
/// threads held just before the store's writer thread allocates for the append; with one arena per core those
/// allocations reuse the freed memory instead of growing another arena (`sitrep probe` on 1,000 checks: peak
/// RSS about 6 MB lower; README, Performance).
enum MallocArenas {
    /// Call first thing in `main`, before other threads exist: arenas already made stay.
    static func limitToCores() {
        #if os(Linux)
        _ = glibcMallopt(arenaMaxOption, Int32(clamping: max(1, ProcessInfo.processInfo.activeProcessorCount)))
        #endif
    }

    #if os(Linux)
    /// `M_ARENA_MAX` of glibc's <malloc.h>, which the Glibc module does not import.
    private static let arenaMaxOption: Int32 = -8
    #endif
}

#if os(Linux)
/// glibc's `int mallopt(int param, int value)` (declared in <malloc.h>, not imported by the Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
