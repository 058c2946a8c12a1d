import Foundation

/// A loopback test server written in Python: started with a fresh work folder as its argument, ready once it has
/// printed its first line (a JSON object with its ports), stopped when this value goes away. The scripts exit when
/// their stdin closes, which also happens when the test process ends, so no server outlives the tests.
/// The venv's Python (`SITREP_PYTHON`) runs them when set, else `python3` from the PATH.
final class PythonServerProcess: Sendable {
    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The first line the script printed.
    let firstLine: Data
    let workFolder: URL
    private let process: Process
    private let stdinPipe: Pipe

    init(script: URL, name: String) throws {
        workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        process = Process()
        if let python = ProcessInfo.processInfo.environment["SITREP_PYTHON"] {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script.path, workFolder.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, workFolder.path]
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

    deinit {
        process.terminate()
    }
}
