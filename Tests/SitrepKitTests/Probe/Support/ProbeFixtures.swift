import Foundation
import Testing
@testable import SitrepKit

/// Small builders so each test reads as "this endpoint, these expectations, this verdict".
enum ProbeFixtures {
    static func server() throws -> ProbeTestServer { try ProbeTestServer.shared.get() }

    /// A config read from `yaml` as `folder/sitrep.yml`, with no environment; a problem in it fails the test.
    static func config(_ yaml: String, in folder: TemporaryFolder) throws -> SiteConfig {
        let (parsed, problems) = ConfigLoader.parse(yaml, configFile: folder.file("sitrep.yml"), environment: [:],
                                                    collector: DiagnosticCollector(path: "sitrep.yml"))
        #expect(problems.isEmpty, "\(problems)")
        return try #require(parsed)
    }

    static func http(_ id: String, _ url: String, timeoutMs: Int = 5000,
                     _ configure: (inout HTTPCheck) -> Void = { _ in }) -> CheckConfig {
        var check = HTTPCheck(url: url)
        configure(&check)
        return CheckConfig(componentID: "test", id: id, target: .http(check), timeoutMs: timeoutMs, displayTarget: url)
    }

    static func tcp(_ id: String, port: Int, timeoutMs: Int = 5000) -> CheckConfig {
        CheckConfig(componentID: "test", id: id, target: .tcp(host: "127.0.0.1", port: port), timeoutMs: timeoutMs,
                    displayTarget: "127.0.0.1:\(port)")
    }

    static func dns(_ id: String, name: String, record: DNSRecordType = .a, timeoutMs: Int = 5000) -> CheckConfig {
        CheckConfig(componentID: "test", id: id, target: .dns(name: name, record: record), timeoutMs: timeoutMs,
                    displayTarget: name)
    }

    static func run(_ checks: [CheckConfig], retries: Int = 0, concurrency: Int = 16,
                    redactor: SecretRedactor = .init()) async -> [CheckResult] {
        let settings = ProbeSettings(timeoutMs: 5000, concurrency: concurrency, retries: retries)
        return await ProbeRunner(settings: settings, redactor: redactor).run(checks)
    }

    static func runOne(_ check: CheckConfig, retries: Int = 0) async -> CheckResult? {
        await run([check], retries: retries).first
    }
}
