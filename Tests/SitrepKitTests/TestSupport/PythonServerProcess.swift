import Foundation

/// A loopback test server written in Python (the test venv's when `SITREP_PYTHON` is set), started with its
/// stdin on a pipe: such a script prints one JSON line (its ports) and serves until that pipe closes, which it
/// does when this process ends, so no server outlives the tests.
struct PythonServerProcess {
    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    /// Kept open for as long as the server should run.
    let stdinPipe: Pipe
    /// The first line the script printed.
    let firstLine: Data

    /// Starts `name`, a script in the folder of the calling source file, with a fresh temporary folder (named
    /// after `workPrefix`) as its first argument, before `arguments`.
    init(script name: String, workPrefix: String, arguments: [String] = [], besides file: String = #filePath) throws {
        let script = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(name)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("\(workPrefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try self.init(script: script, arguments: [work.path] + arguments)
    }

    init(script: URL, arguments: [String]) throws {
        process = Process()
        if let python = ProcessInfo.processInfo.environment["SITREP_PYTHON"] {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script.path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path] + arguments
        }
        stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdoutPipe.fileHandleForReading.availableData
            if chunk.isEmpty {
                let errors = String(decoding: stderrPipe.fileHandleForReading.availableData, as: UTF8.self)
                throw StartFailure(description: "\(script.lastPathComponent) ended before printing its ports: \(errors)")
            }
            line.append(chunk)
        }
        firstLine = line
    }
}
