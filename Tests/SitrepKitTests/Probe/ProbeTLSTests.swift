import Foundation
import Testing
@testable import SitrepKit

@Suite struct ProbeTLSTests {
    typealias F = ProbeFixtures

    @Test func validCertificateFromExtraCAIsUp() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("valid", server.https(\.tls_valid)) {
            $0.caFile = server.caFile
            $0.expect.certMinDays = 14
        }))
        #expect(result.status == .up)
        #expect(result.error == nil)
        #expect((result.timings?.tlsMs ?? 0) > 0)
    }

    @Test func unknownCAWithoutCAFileIsTLSDown() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("no-ca", server.https(\.tls_valid))))
        #expect(result.status == .down)
        #expect(result.error?.kind == .tls)
    }

    @Test func certificateExpiringSoonIsDegraded() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("expiring", server.https(\.tls_expiring)) {
            $0.caFile = server.caFile
            $0.expect.certMinDays = 14
        }))
        #expect(result.status == .degraded)
        #expect(result.error?.kind == .certificate)
    }

    @Test func expiredCertificateIsTLSDown() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("expired", server.https(\.tls_expired)) { $0.caFile = server.caFile }))
        #expect(result.status == .down)
        #expect(result.error?.kind == .tls)
        #expect(result.error?.message.contains("expired") == true)
    }

    @Test func selfSignedIsTLSDownUnlessInsecure() async throws {
        let server = try F.server()
        let results = await F.run([
            F.http("self-signed", server.https(\.tls_selfsigned)),
            F.http("self-signed-insecure", server.https(\.tls_selfsigned)) { $0.insecure = true },
        ])
        #expect(results[0].status == .down)
        #expect(results[0].error?.kind == .tls)
        #expect(results[1].status == .up)
    }

    @Test func unreadableCAFileIsReported() async throws {
        let server = try F.server()
        let result = try #require(await F.runOne(F.http("bad-ca", server.https(\.tls_valid)) {
            $0.caFile = URL(fileURLWithPath: "/nonexistent/ca.pem")
        }))
        #expect(result.status == .down)
        #expect(result.error?.kind == .other)
    }
}
