import Foundation
import Testing
@testable import SitrepKit

@Suite struct ProbeTCPAndDNSTests {
    typealias F = ProbeFixtures

    @Test func tcpCheck() async throws {
        let server = try F.server()
        let results = await F.run([F.tcp("open", port: server.ports.http), F.tcp("refused", port: server.ports.refused)])
        #expect(results[0].status == .up)
        #expect(results[0].type == .tcp)
        #expect(results[0].latencyMs != nil)
        #expect(results[1].status == .down)
        #expect(results[1].error?.kind == .connect)
    }

    @Test func dnsCheck() async throws {
        let results = await F.run([
            F.dns("localhost", name: "localhost", record: .a),
            F.dns("invalid", name: "no-such-host.sitrep.invalid", record: .a),
        ])
        #expect(results[0].status == .up)
        #expect(results[0].type == .dns)
        #expect(results[1].status == .down)
        #expect(results[1].error?.kind == .dns)
    }
}
