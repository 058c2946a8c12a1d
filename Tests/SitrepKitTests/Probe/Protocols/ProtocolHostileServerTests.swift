import Foundation
import Testing
@testable import SitrepKit

/// Every protocol check against servers that misbehave: silence, garbage, an early close, the wrong protocol.
@Suite(.enabled(if: ProtocolTestServers.pythonRuns))
struct ProtocolHostileServerTests {
    typealias F = ProbeFixtures

    static let exchanges: [(String, ProtocolExchange)] = [
        ("postgres", .postgres(user: "sitrep", database: "sitrep")),
        ("redis", .redis(RedisExchange())),
        ("amqp", .amqp),
        ("smtp", .smtp(starttls: false, tls: TLSOptions())),
        ("tcp", .tcp(send: Data("hello\n".utf8), expect: .contains(Data("world".utf8)))),
        ("tls", .tls(TLSOptions())),
    ]

    @Test func silenceTimesOut() async throws {
        let servers = try F.protocols()
        let checks = Self.exchanges.map { F.conversation($0.0, port: servers.fake("silent"), timeoutMs: 700, $0.1) }
        for result in await F.run(checks) {
            #expect(result.status == .down, "\(result.checkID)")
            #expect(result.error?.kind == .timeout, "\(result.checkID): \(String(describing: result.error))")
        }
    }

    @Test(arguments: ["garbage", "early_close", "http"])
    func wrongAnswersAreNotProofOfLife(fake: String) async throws {
        let servers = try F.protocols()
        let checks = Self.exchanges.map { F.conversation($0.0, port: servers.fake(fake), timeoutMs: 2000, $0.1) }
        for result in await F.run(checks) {
            #expect(result.status == .down, "\(result.checkID) at \(fake)")
            // A TLS handshake against a non-TLS peer fails as `tls`. libcurl's SMTP client waits for a line that
            // starts with a reply code, so text that never has one times out. Every other check names the protocol.
            let expected: Set<ProbeErrorKind> = switch result.type {
            case .tls: [.tls, .connect]
            case .smtp: [.protocol, .connect, .timeout]
            default: [.protocol, .body]
            }
            #expect(expected.contains(result.error?.kind ?? .other),
                    "\(result.checkID) at \(fake): \(String(describing: result.error))")
        }
    }

    @Test func serversThatSayTheyCannotServe() async throws {
        let servers = try F.protocols()
        let results = await F.run([
            F.conversation("pg", port: servers.fake("postgres_starting"), .postgres(user: "sitrep", database: "sitrep")),
            F.conversation("redis", port: servers.fake("redis_loading"), .redis(RedisExchange())),
            F.conversation("amqp", port: servers.fake("amqp_other_version"), .amqp),
            F.conversation("smtp", port: servers.fake("smtp_refusing"), .smtp(starttls: false, tls: TLSOptions())),
        ])
        #expect(results[0].error == ProbeError(kind: .unavailable, message:
            "PostgreSQL answered but is starting up or shutting down (SQLSTATE 57P03): \"the database system is starting up\"."))
        #expect(results[1].error?.kind == .unavailable)
        #expect(results[2].error == ProbeError(kind: .protocol, message: "The server speaks AMQP 1-0-10, not 0-9-1."))
        #expect(results[3].error?.kind == .protocol)
        #expect(results.allSatisfy { $0.status == .down })
    }

    /// A reply that arrives one byte at a time is put together before it is judged.
    @Test func replyInPieces() async throws {
        let servers = try F.protocols()
        let result = try #require(await F.runOne(
            F.conversation("pg", port: servers.fake("drip_postgres"), .postgres(user: "sitrep", database: "sitrep"))))
        #expect(result.status == .up, "\(String(describing: result.error))")
    }

    /// A hung server holds only its own check: the others finish while it waits out its timeout.
    @Test func oneHungServerDoesNotHoldTheOthers() async throws {
        let servers = try F.protocols()
        let checks = (0..<20).map { F.conversation("hung-\($0)", port: servers.fake("silent"), timeoutMs: 1500, .amqp) }
            + (0..<20).map { F.conversation("echo-\($0)", port: servers.fake("echo"), timeoutMs: 1500,
                                            .tcp(send: Data("ping".utf8), expect: .contains(Data("ECHO ping".utf8)))) }
        let results = await F.run(checks, concurrency: 40)
        #expect(results.prefix(20).allSatisfy { $0.error?.kind == .timeout })
        for result in results.suffix(20) {
            #expect(result.status == .up, "\(result.checkID): \(String(describing: result.error))")
        }
    }
}
