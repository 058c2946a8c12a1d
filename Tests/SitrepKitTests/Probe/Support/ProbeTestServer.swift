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
        let server = try PythonServerProcess(script: "probe_test_server.py", workPrefix: "sitrep-probe-tests")
        process = server.process
        stdinPipe = server.stdinPipe
        ports = try JSONDecoder().decode(Ports.self, from: server.firstLine)
    }

    deinit {
        process.terminate()
    }
}
