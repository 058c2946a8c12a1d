import Foundation
import Testing
@testable import SitrepKit

/// Protocol checks against the real servers from Debian's packages, started on loopback ports for the suite.
@Suite(.enabled(if: ProtocolTestServers.realServersRun && ProtocolTestServers.pythonRuns))
struct ProtocolRealServerTests {
    typealias F = ProbeFixtures

    @Test func postgresAnswersWithAuthenticationOrError() async throws {
        let servers = try F.protocols()
        let port = try servers.real(\.postgres, "postgres")
        let results = await F.run([
            F.conversation("trusted", port: port, .postgres(user: "sitrep", database: "postgres")),
            F.conversation("unknown-role", port: port, .postgres(user: "nobody", database: "nobody")),
            F.conversation("unknown-db", port: port, .postgres(user: "sitrep", database: "no_such_db")),
        ])
        for result in results {
            #expect(result.status == .up, "\(result.checkID): \(String(describing: result.error))")
            #expect(result.type == .postgres)
            let timings = try #require(result.timings)
            #expect(timings.connectMs > 0)
            #expect(timings.ttfbMs >= timings.connectMs)
            #expect(timings.totalMs >= timings.ttfbMs)
            #expect(result.latencyMs == timings.totalMs)
        }
    }

    @Test func redisPingAndInfoFields() async throws {
        let servers = try F.protocols()
        let port = try servers.real(\.redis, "redis")
        func info(_ field: String, _ text: String) throws -> InfoFieldExpectation {
            try #require(InfoFieldExpectation.parse(field: field, text))
        }
        let results = await F.run([
            F.conversation("ping", port: port, .redis(RedisExchange())),
            F.conversation("master", port: port, .redis(RedisExchange(info: [try info("role", "master"),
                                                                             try info("connected_clients", ">= 1")]))),
            F.conversation("replica", port: port, .redis(RedisExchange(info: [try info("role", "slave")]))),
            F.conversation("missing", port: port, .redis(RedisExchange(info: [try info("no_such_field", "1")]))),
        ])
        #expect(results[0].status == .up)
        #expect(results[0].type == .redis)
        #expect(results[0].timings?.ttfbMs ?? 0 > 0)
        #expect(results[1].status == .up, "\(String(describing: results[1].error))")
        #expect(results[2].status == .down)
        #expect(results[2].error == ProbeError(kind: .field, message: "Redis INFO field role is \"master\", expected == slave."))
        #expect(results[3].error?.kind == .field)
        #expect(results[3].error?.message.contains("no field no_such_field") == true)
    }

    @Test func redisPasswordFromTheEnvironment() async throws {
        let servers = try F.protocols()
        let port = try servers.real(\.redis_password, "redis_password")
        let password = ProtocolTestServers.redisPassword
        let results = await F.run([
            F.conversation("right", port: port, .redis(RedisExchange(password: password))),
            F.conversation("none", port: port, .redis(RedisExchange())),
            F.conversation("wrong", port: port, .redis(RedisExchange(password: "not-the-password"))),
        ], redactor: SecretRedactor([(name: "REDIS_PASSWORD", value: password), (name: "WRONG", value: "not-the-password")]))
        #expect(results[0].status == .up, "\(String(describing: results[0].error))")
        #expect(results[1].status == .down)
        #expect(results[1].error?.kind == .auth)
        #expect(results[2].status == .down)
        #expect(results[2].error?.kind == .auth)
        for result in results {
            #expect(!(result.error?.message.contains(password) ?? false))
            #expect(!(result.error?.message.contains("not-the-password") ?? false))
        }
    }

    @Test func amqpConnectionStartFromRabbitMQ() async throws {
        let servers = try F.protocols()
        let port = try servers.real(\.rabbitmq, "rabbitmq")
        let result = try #require(await F.runOne(F.conversation("broker", port: port, timeoutMs: 10_000, .amqp)))
        #expect(result.status == .up, "\(String(describing: result.error))")
        #expect(result.type == .amqp)
        #expect(result.timings?.ttfbMs ?? 0 > 0)
    }

    /// Each protocol check pointed at a real server of another protocol is down: `protocol` when that server
    /// answers or hangs up, `timeout` when it waits for more (Redis waits for a line end that never comes).
    @Test func wrongRealServerIsNotProofOfLife() async throws {
        let servers = try F.protocols()
        let postgres = try servers.real(\.postgres, "postgres")
        let redis = try servers.real(\.redis, "redis")
        let rabbit = try servers.real(\.rabbitmq, "rabbitmq")
        let results = await F.run([
            F.conversation("pg-at-rabbit", port: rabbit, timeoutMs: 3000, .postgres(user: "sitrep", database: "sitrep")),
            F.conversation("redis-at-pg", port: postgres, timeoutMs: 3000, .redis(RedisExchange())),
            F.conversation("amqp-at-pg", port: postgres, timeoutMs: 3000, .amqp),
            F.conversation("redis-at-rabbit", port: rabbit, timeoutMs: 3000, .redis(RedisExchange())),
            F.conversation("pg-at-redis", port: redis, timeoutMs: 1000, .postgres(user: "sitrep", database: "sitrep")),
        ])
        let expected: [ProbeErrorKind] = [.protocol, .protocol, .protocol, .protocol, .timeout]
        for (result, kind) in zip(results, expected) {
            #expect(result.status == .down, "\(result.checkID)")
            #expect(result.error?.kind == kind, "\(result.checkID): \(String(describing: result.error))")
        }
    }
}
