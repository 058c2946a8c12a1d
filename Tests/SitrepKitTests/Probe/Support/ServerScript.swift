import Foundation

/// A Python test-server script run for the whole test process: it prints one JSON line (its ports) when ready
/// and stops everything it started when its stdin closes, which happens when this process ends.
struct ServerScript {
    let process: Process
    let stdin: Pipe
    /// The first line the script printed.
    let readyLine: Data

    /// Starts `name` (next to this file) with the test venv's Python and waits for its first line.
    static func launch(_ name: String, arguments: [String]) throws -> ServerScript {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(name)
        let process = Process()
        if let python = ProcessInfo.processInfo.environment["SITREP_PYTHON"] {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script.path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path] + arguments
        }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty {
                let errors = String(decoding: stderr.fileHandleForReading.availableData, as: UTF8.self)
                throw PythonServerProcess.StartFailure(description: "\(name) ended before printing its ports: \(errors)")
            }
            line.append(chunk)
        }
        return ServerScript(process: process, stdin: stdin, readyLine: line)
    }

    /// A fresh folder under the temporary directory.
    static func workFolder(_ prefix: String) throws -> URL {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        return work
    }
}
