import Foundation
@testable import SitrepKit

/// The servers of `protocol_test_servers.py` (real PostgreSQL, Redis and RabbitMQ, SMTP, hostile fakes), started
/// once for the whole test process and stopped when it ends (the script stops them when its stdin closes).
final class ProtocolTestServers: Sendable {
    struct Ports: Decodable, Sendable {
        var fakes: [String: Int]
        /// Why a real server could not start, by name.
        var errors: [String: String]
        var smtp: Int
        var smtp_starttls: Int
        var smtp_starttls_expiring: Int
        var postgres: Int?
        var redis: Int?
        var redis_password: Int?
        var rabbitmq: Int?
    }

    static let shared = Result { try ProtocolTestServers() }

    /// The password the script gives the second Redis server.
    static let redisPassword = "s3cret-pass"

    /// The real servers run where their Debian packages are installed; in CI their absence fails the tests.
    static var realServersRun: Bool {
        RequiredTool.runs(FileManager.default.fileExists(atPath: "/usr/bin/redis-server") ? "/usr/bin/redis-server" : nil)
    }

    /// The test venv's Python (aiosmtpd); the fakes and SMTP tests need it.
    static var pythonRuns: Bool { RequiredTool.runs(ProcessInfo.processInfo.environment["SITREP_PYTHON"]) }

    let ports: Ports
    let caFile: URL
    private let process: Process
    private let stdinPipe: Pipe

    func fake(_ name: String) -> Int { ports.fakes[name] ?? 0 }

    /// The port of a real server, or a failure naming why it did not start.
    func real(_ port: KeyPath<Ports, Int?>, _ name: String) throws -> Int {
        guard let value = ports[keyPath: port] else {
            throw PythonServerProcess.StartFailure(description: "\(name) did not start: \(ports.errors[name] ?? "unknown reason")")
        }
        return value
    }

    private init() throws {
        let certificates = try ProbeTestServer.shared.get()
        caFile = certificates.caFile
        let server = try PythonServerProcess(script: "protocol_test_servers.py", workPrefix: "sitrep-protocol-tests",
                                             arguments: [caFile.deletingLastPathComponent().path])
        process = server.process
        stdinPipe = server.stdinPipe
        ports = try JSONDecoder().decode(Ports.self, from: server.firstLine)
    }

    deinit {
        try? stdinPipe.fileHandleForWriting.close()
    }
}

extension ProbeFixtures {
    static func protocols() throws -> ProtocolTestServers { try ProtocolTestServers.shared.get() }

    static func conversation(_ id: String, port: Int, timeoutMs: Int = 5000, host: String = "127.0.0.1",
                             _ exchange: ProtocolExchange) -> CheckConfig {
        let check = ProtocolCheck(host: host, port: port, exchange: exchange)
        return CheckConfig(componentID: "test", id: id, target: .conversation(check), timeoutMs: timeoutMs,
                           displayTarget: "\(host):\(port)")
    }
}
