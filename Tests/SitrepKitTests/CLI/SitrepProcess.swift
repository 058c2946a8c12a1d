import Foundation
import Testing

/// Runs the built `sitrep` binary (SITREP_BIN from `make test`, else .build/debug/sitrep), or another `executable`,
/// and captures its output.
struct SitrepProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SITREP_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent(".build/debug/sitrep")
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Outcome {
        let outcome = try run(arguments, in: directory, environment: environment, deadline: nil)
        return Outcome(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }

    /// How a run under a deadline ended.
    struct BoundedOutcome {
        var status: Int32
        /// True when the process ended by a signal (a crash, or the kill at the deadline).
        var signalled: Bool
        /// True when the process was still running at the deadline and was killed.
        var timedOut: Bool
        var stdout: String
        var stderr: String
    }

    /// Runs the binary and, with a `deadline`, kills it when it is still running that many seconds later. The
    /// deadline is a harness's guard against a hang, not a measurement: a case that reaches it has failed.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                    deadline: TimeInterval?, executable: URL? = nil) throws -> BoundedOutcome {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Read both pipes to the end while waiting, so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        var timedOut = false
        if let deadline {
            if exited.wait(timeout: .now() + deadline) == .timedOut {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        } else {
            exited.wait()
        }
        group.wait()
        return BoundedOutcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                              timedOut: timedOut, stdout: String(decoding: outData, as: UTF8.self),
                              stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A throwaway site folder with a config, content and (optionally) the repository's default theme.
struct FixtureSite {
    let root: URL

    init(config: String, withTheme: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/incidents"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/maintenance"), withIntermediateDirectories: true)
        try write("sitrep.yml", config)
        if withTheme {
            try FileManager.default.copyItem(at: SitrepProcess.packageRoot.appendingPathComponent("templates"),
                                             to: root.appendingPathComponent("templates"))
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> SitrepProcess.Outcome {
        try SitrepProcess.run(arguments, in: root, environment: environment)
    }

    /// Every file below `path` with its bytes, for comparing whole builds.
    func tree(_ path: String) throws -> [String: Data] {
        let base = root.appendingPathComponent(path)
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
