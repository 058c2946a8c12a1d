import Foundation
import Testing
@testable import SitrepKit

/// Headless Chromium for the browser tests (`LiveRefreshBrowserTests`, `ContrastTests`): where it is and how it
/// is run, with a deadline so a hung browser cannot hang the test run.
enum BrowserTests {
    static let chromium: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    /// Arguments that load `url` headless, let `budget` milliseconds of the page's (virtual) time pass and
    /// print the DOM, with console messages logged to stderr.
    static func dumpingDOM(of url: String, profile: URL, budget: Int = 5000) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         "--user-data-dir=\(profile.path)", "--no-first-run", "--disable-extensions",
         "--virtual-time-budget=\(budget)", "--dump-dom", url]
    }

    /// Polls rather than `waitUntilExit()`, which can hang inside a test runner on Linux; terminates the
    /// process if it outlives the limit, so a hung browser cannot hang the test run.
    static func waitForExit(_ process: Process, upToSeconds seconds: Int) {
        for _ in 0..<(seconds * 10) where process.isRunning {
            usleep(100_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Runs Chromium with output into files (a DOM can exceed a pipe's buffer), terminating it after two minutes
    /// at the latest so a hung browser cannot hang the test run.
    static func runChromium(_ executable: String, arguments: [String], scratch: URL) throws -> (stdout: String, stderr: String) {
        try RunningChromium(executable, arguments: arguments, scratch: scratch).finish()
    }

    /// The console messages Chromium logged to `stderr`.
    static func consoleLines(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.contains("CONSOLE") }
    }
}

/// A Chromium process started with its output going into files (a DOM can exceed a pipe's buffer), for a test
/// that acts while the page is open.
struct RunningChromium {
    let process = Process()
    let outURL: URL
    let errURL: URL

    init(_ executable: String, arguments: [String], scratch: URL, name: String = "chromium") throws {
        outURL = scratch.appendingPathComponent("\(name).out")
        errURL = scratch.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the browser to end (two minutes at most, then kills it) and returns what it printed.
    func finish() -> (stdout: String, stderr: String) {
        BrowserTests.waitForExit(process, upToSeconds: 120)
        let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return (read(outURL), read(errURL))
    }
}

/// `Browser/gated_server.py` on 127.0.0.1 with a port the system picks, serving one folder: every request of
/// `api/v1/build.json` after the first is held until `openGate()`, so a test can rebuild under an open page
/// (unless not `gated`).
final class LocalHTTPServer {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/gated_server.py")

    private let process = Process()
    private let log: URL
    private let gate: URL
    let baseURL: String

    /// `gated`: requests of the build marker after the first wait for `openGate()`; `cors`: every answer allows
    /// any origin to read it (Access-Control-Allow-Origin: *).
    init(directory: URL, scratch: URL, gated: Bool = true, cors: Bool = false, name: String = "server") throws {
        log = scratch.appendingPathComponent("\(name).log")
        gate = scratch.appendingPathComponent("\(name).gate")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", Self.script.path, directory.path] + (gated ? [gate.path] : []) + (cors ? ["--cors"] : [])
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Wait (up to about 20 s) for "port 41234".
        var port: Int?
        for _ in 0..<200 where port == nil && process.isRunning {
            let printed = Self.read(log)
            if let range = printed.range(of: #"port (\d+)"#, options: .regularExpression) {
                port = Int(printed[range].dropFirst("port ".count))
            } else {
                usleep(100_000)
            }
        }
        guard let port else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw RenderError(message: "Browser/gated_server.py did not start")
        }
        baseURL = "http://127.0.0.1:\(port)/"
    }

    /// What the server printed: its port, then `GET /path` for every request as it arrives.
    var requests: String { Self.read(log) }

    private static func read(_ file: URL) -> String { String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self) }

    /// Answers the held requests of the build marker, and every later one at once.
    func openGate() {
        _ = FileManager.default.createFile(atPath: gate.path, contents: Data())
    }

    func stop() {
        // SIGKILL: a child of the test runner may inherit a signal mask that blocks SIGTERM.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        BrowserTests.waitForExit(process, upToSeconds: 10)
    }
}
