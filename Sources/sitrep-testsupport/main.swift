// Helper process for SitrepKit's store tests (not shipped to users).
//
//   sitrep-testsupport append-loop DB [CHECKS]
//       Appends runs of CHECKS results (default 200, over 10 components) to DB forever, printing
//       "committed N" (N = runs committed so far) after every commit. The kill -9 test SIGKILLs it.
//   sitrep-testsupport open DB
//       Opens DB for writing; exit 0, or exit 1 with the StoreError sentence on stderr.
import Foundation
import SitrepKit

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    fail("usage: sitrep-testsupport append-loop DB [CHECKS] | open DB", code: 64)
}
let url = URL(fileURLWithPath: arguments[1])

switch arguments[0] {
case "open":
    do {
        _ = try ResultStore.open(at: url)
    } catch {
        fail(String(describing: error), code: 1)
    }
case "append-loop":
    let checks = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
    do {
        let store = try ResultStore.open(at: url)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var committed = 0
        while true {
            let at = start.addingTimeInterval(Double(committed) * 60)
            let results = (0..<checks).map { index in
                let status: CheckStatus = (committed + index) % 11 == 0 ? .down
                    : (committed + index) % 7 == 0 ? .degraded : .up
                return CheckResult(
                    componentID: "component-\(index % 10)", checkID: "check-\(index)", type: .http, at: at,
                    status: status, latencyMs: Double((committed * 31 + index) % 900 + 1), httpStatus: 200,
                    timings: PhaseTimings(dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 4, totalMs: 5),
                    error: status == .up ? nil : ProbeError(kind: .other, message: "synthetic"))
            }
            try store.append(ProbeRun(startedAt: at, durationMs: 10, location: "test"), results: results)
            committed += 1
            FileHandle.standardOutput.write(Data("committed \(committed)\n".utf8))
        }
    } catch {
        fail(String(describing: error), code: 1)
    }
default:
    fail("unknown subcommand \(arguments[0])", code: 64)
}
