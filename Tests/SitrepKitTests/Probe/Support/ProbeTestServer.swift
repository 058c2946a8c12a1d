import Foundation
@testable import SitrepKit

/// The loopback servers of `probe_test_server.py`, started once for the whole test process. The script exits when
/// its stdin closes, which happens when this process ends, so no server outlives the tests.
final class ProbeTestServer: Sendable {
    struct Ports: Decodable, Sendable {
        var http: Int
        var tls_valid: Int
        var tls_expiring: Int
        var tls_expired: Int
        var tls_selfsigned: Int
        var refused: Int
        var ca_file: String
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    static let shared = Result { try ProbeTestServer() }

    let ports: Ports
    private let process: Process
    private let stdinPipe: Pipe

    var caFile: URL { URL(fileURLWithPath: ports.ca_file) }

    func http(_ path: String) -> String { "http://127.0.0.1:\(ports.http)\(path)" }
    func https(_ port: KeyPath<Ports, Int>, _ path: String = "/ok") -> String {
        "https://127.0.0.1:\(ports[keyPath: port])\(path)"
    }

    private init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("probe_test_server.py")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-probe-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        process = Process()
        if let python = ProcessInfo.processInfo.environment["SITREP_PYTHON"] {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script.path, work.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, work.path]
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
                throw StartFailure(description: "probe_test_server.py ended before printing its ports: \(errors)")
            }
            line.append(chunk)
        }
        ports = try JSONDecoder().decode(Ports.self, from: line)
    }

    deinit {
        process.terminate()
    }
}
