import Foundation
import SitrepKit

/// segment-import: a day of one-minute results for 500 checks from one location (1,440 runs, 720,000 results)
/// as one segment file, read, checked and imported into an empty builder database; then the same day from three
/// locations (three files, one import). With a second argument `one`, only the first case that `make bench`
/// reports against its target (one location, raw results not kept), e.g. for a profile.
enum SegmentImportBenchmark {
    static func run(_ arguments: [String]) throws {
        let checks = arguments.first.flatMap(Int.init) ?? 500
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let start = Date(timeIntervalSince1970: 1_795_132_800)
        var files: [URL] = []
        for (index, name) in ["ams", "nyc", "sfo"].prefix(arguments.dropFirst().first == "one" ? 1 : 3).enumerated() {
            let segment = day(location: name, offset: Double(index * 15), checks: checks, from: start)
            let file = folder.appendingPathComponent(segment.fileName)
            let encodeMs = try measureMs { try segment.encoded().write(to: file) }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            if index == 0 {
                print("segment-import: \(segment.runs.count) runs x \(checks) checks = \(segment.resultCount) results, "
                      + "\(bytes / 1024) KiB, written in \(format(encodeMs))")
            }
            files.append(file)
        }
        let rule = QuorumRule(quorum: nil, staleAfterS: 900)
        // Raw results of the agreed history: kept (`rawResultsFrom` in the past) or not written at all.
        let cases = arguments.dropFirst().first == "one" ? [(1, false)] : [(1, true), (1, false), (3, false)]
        for (count, raw) in cases {
            let store = try ResultStore.open(at: folder.appendingPathComponent("builder-\(count)-\(raw).sqlite"))
            var segments: [(path: String, segment: Segment)] = []
            let readMs = try measureMs {
                segments = try files.prefix(count).map { ($0.lastPathComponent, try Segment.decode(Data(contentsOf: $0), path: $0.path)) }
            }
            var agreedRuns = 0
            let importMs = try measureMs {
                agreedRuns = try store.importSegments(segments, rule: rule, rawResultsFrom: raw ? .distantPast : .distantFuture).agreedRuns
            }
            try store.close()
            print("segment-import: \(count) location\(count == 1 ? "" : "s") (\(segments.reduce(0) { $0 + $1.segment.resultCount }) results, "
                  + "raw results \(raw ? "kept" : "not kept")): read and checked in \(format(readMs)), imported in \(format(importMs)), "
                  + "total \(format(readMs + importMs)) (\(agreedRuns) agreed runs)" + (count == 1 ? " (target: well under 1 s)" : ""))
        }
    }

    private static func day(location: String, offset: TimeInterval, checks: Int, from start: Date) -> Segment {
        Segment(location: location, runs: (0..<1_440).map { minute in
            let at = start.addingTimeInterval(Double(minute) * 60 + offset)
            let results = (0..<checks).map { check in
                syntheticResult(run: minute, check: check, at: at, checksPerComponent: 5, downEvery: 97, degradedEvery: 41)
            }
            return Segment.Run(id: Int64(minute + 1), run: ProbeRun(startedAt: at, durationMs: 900, location: location), results: results)
        })
    }
}
