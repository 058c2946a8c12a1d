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
        let work = try ServerScript.workFolder("sitrep-probe-tests")
        let script = try ServerScript.launch("probe_test_server.py", arguments: [work.path])
        process = script.process
        stdinPipe = script.stdin
        ports = try JSONDecoder().decode(Ports.self, from: script.readyLine)
    }

    deinit {
        process.terminate()
    }
}
