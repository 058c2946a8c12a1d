// sitrep-bench MODE: benchmarks, run in release (`make bench`, or
// `swift build -c release && .build/release/sitrep-bench MODE`).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "store-commit":
        try storeCommit(Array(arguments.dropFirst()))
    case "store-year":
        try StoreYearBenchmark.run(Array(arguments.dropFirst()))
    case "store-append":
        try StoreYearBenchmark.appendAgain(Array(arguments.dropFirst()))
    case "segment-import":
        try SegmentImportBenchmark.run(Array(arguments.dropFirst()))
    case "make-site":
        try BuildSiteGenerator.run(Array(arguments.dropFirst()))
    case "make-content-site":
        try MaximalContentGenerator.run(Array(arguments.dropFirst()))
    case "build-phases":
        try buildPhases(Array(arguments.dropFirst()))
    case "probe-engine":
        try await probeEngine(Array(arguments.dropFirst()))
    default:
        print("usage: sitrep-bench store-commit [CHECKS] [CHECKS_PER_COMPONENT] | store-year [DAYS] [SITE] | store-append SITE | segment-import [CHECKS] | make-site DIR | make-content-site DIR [SHAPE] [SPACING_S] [BYTES] | build-phases DIR NOW [ROUNDS] | probe-engine URLS_FILE [TIMEOUT_MS] [CONCURRENCY]")
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("sitrep-bench: \(error)\n".utf8))
    exit(1)
}
