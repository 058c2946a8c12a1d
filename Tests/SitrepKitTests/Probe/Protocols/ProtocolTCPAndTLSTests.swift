import Foundation
import Testing
@testable import SitrepKit

/// `tcp` with `send`/`expect`, `smtp` with and without STARTTLS, and `tls`.
@Suite(.enabled(if: ProtocolTestServers.pythonRuns))
struct ProtocolTCPAndTLSTests {
    typealias F = ProbeFixtures

    @Test func tcpSendAndExpect() async throws {
        let servers = try F.protocols()
        let echo = servers.fake("echo"), banner = servers.fake("banner")
        let results = await F.run([
            F.conversation("echo", port: echo, .tcp(send: Data("hello".utf8), expect: .contains(Data("ECHO hello".utf8)))),
            F.conversation("banner", port: banner, .tcp(send: nil, expect: .regex("^SSH-2\\.0-[a-z_]+"))),
            F.conversation("send-only", port: echo, .tcp(send: Data("x".utf8), expect: nil)),
            F.conversation("mismatch", port: banner, timeoutMs: 800, .tcp(send: nil, expect: .contains(Data("HELLO".utf8)))),
        ])
        #expect(results[0].status == .up, "\(String(describing: results[0].error))")
        #expect(results[0].type == .tcp)
        #expect(results[0].timings?.ttfbMs ?? 0 > 0)
        #expect(results[1].status == .up, "\(String(describing: results[1].error))")
        #expect(results[2].status == .up)
        #expect(results[3].error == ProbeError(kind: .body, message:
            "The reply does not contain \"HELLO\" (it began \"SSH-2.0-sitrep_fake_1.0\\r\\n\")."))
    }

    @Test func smtpGreetingAndStartTLS() async throws {
        let servers = try F.protocols()
        let trusted = TLSOptions(caFile: servers.caFile)
        let results = await F.run([
            F.conversation("plain", port: servers.ports.smtp, .smtp(starttls: false, tls: TLSOptions())),
            F.conversation("starttls", port: servers.ports.smtp_starttls, .smtp(starttls: true, tls: trusted)),
            F.conversation("no-starttls", port: servers.ports.smtp, .smtp(starttls: true, tls: trusted)),
            F.conversation("untrusted", port: servers.ports.smtp_starttls, .smtp(starttls: true, tls: TLSOptions())),
            F.conversation("expiring", port: servers.ports.smtp_starttls_expiring,
                           .smtp(starttls: true, tls: TLSOptions(caFile: servers.caFile, certMinDays: 30))),
        ])
        #expect(results[0].status == .up, "\(String(describing: results[0].error))")
        #expect(results[0].type == .smtp)
        #expect(results[1].status == .up, "\(String(describing: results[1].error))")
        #expect(results[1].timings?.tlsMs ?? 0 > 0)
        #expect(results[2].status == .down)
        #expect(results[2].error?.kind == .tls)
        #expect(results[3].error?.kind == .tls)
        #expect(results[4].status == .degraded)
        #expect(results[4].error?.kind == .certificate)
    }

    @Test func tlsHandshakeAndExpiry() async throws {
        let server = try F.server()
        let trusted = TLSOptions(caFile: server.caFile, certMinDays: 30)
        let results = await F.run([
            F.conversation("valid", port: server.ports.tls_valid, .tls(trusted)),
            F.conversation("expiring", port: server.ports.tls_expiring, .tls(trusted)),
            F.conversation("expired", port: server.ports.tls_expired, .tls(trusted)),
            F.conversation("self-signed", port: server.ports.tls_selfsigned, .tls(trusted)),
            F.conversation("insecure", port: server.ports.tls_selfsigned, .tls(TLSOptions(insecure: true))),
            F.conversation("refused", port: server.ports.refused, .tls(trusted)),
        ])
        #expect(results[0].status == .up, "\(String(describing: results[0].error))")
        #expect(results[0].type == .tls)
        #expect(results[0].timings?.tlsMs ?? 0 > results[0].timings?.connectMs ?? 0)
        #expect(results[1].status == .degraded)
        #expect(results[1].error?.kind == .certificate)
        #expect(results[2].error?.kind == .tls)
        #expect(results[3].error?.kind == .tls)
        #expect(results[4].status == .up)
        #expect(results[5].error?.kind == .connect)
    }
}
