import Foundation
import SitrepKit

/// probe-engine: ProbeRunner on one HTTP check per URL, no config file, no database; prints how many
/// checks ended in each status and error kind. `scripts/bench-probe` times it.
func probeEngine(_ arguments: [String]) async throws {
    guard let file = arguments.first, let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        FileHandle.standardError.write(Data("usage: sitrep-bench probe-engine URLS_FILE [TIMEOUT_MS] [CONCURRENCY]\n".utf8))
        exit(64)
    }
    let timeoutMs = arguments.count > 1 ? Int(arguments[1]) ?? 2000 : 2000
    let concurrency = arguments.count > 2 ? Int(arguments[2]) ?? 64 : 64
    let urls = text.split(whereSeparator: \.isNewline).map(String.init)
    let checks = urls.enumerated().map { index, url in
        CheckConfig(componentID: "c\(index)", id: "http", target: .http(HTTPCheck(url: url)), timeoutMs: timeoutMs, displayTarget: url)
    }
    let runner = ProbeRunner(settings: ProbeSettings(timeoutMs: timeoutMs, concurrency: concurrency, retries: 0))
    let started = ContinuousClock.now
    let results = await runner.run(checks)
    let elapsed = started.duration(to: .now)
    var tally: [String: Int] = [:]
    for result in results {
        tally["\(result.status.rawValue)\(result.error.map { "/\($0.kind.rawValue)" } ?? "")", default: 0] += 1
    }
    print("\(results.count) checks in \(elapsed): " + tally.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
}
