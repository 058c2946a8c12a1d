import Foundation
@testable import SitrepKit

/// The loopback servers of `probe_test_server.py`, started once for the whole test process.
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
    private let process: PythonServerProcess

    var caFile: URL { URL(fileURLWithPath: ports.ca_file) }

    func http(_ path: String) -> String { "http://127.0.0.1:\(ports.http)\(path)" }
    func https(_ port: KeyPath<Ports, Int>, _ path: String = "/ok") -> String {
        "https://127.0.0.1:\(ports[keyPath: port])\(path)"
    }

    private init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("probe_test_server.py")
        process = try PythonServerProcess(script: script, name: "sitrep-probe-tests")
        ports = try JSONDecoder().decode(Ports.self, from: process.firstLine)
    }
}
