import Foundation
import Testing
@testable import SitrepKit

@Suite("Protocol check config")
struct ProtocolCheckConfigTests {
    func parse(_ checks: String, environment: [String: String] = [:]) -> (SiteConfig?, [String]) {
        let text = """
        site: {title: T, url: https://status.example.com}
        components:
          - id: stack
            name: Stack
            checks:
        \(checks)
        """
        let collector = DiagnosticCollector(path: "sitrep.yml")
        let (config, diagnostics) = ConfigLoader.parse(text, configFile: URL(fileURLWithPath: "/srv/status/sitrep.yml"),
                                                       environment: environment, collector: collector)
        return (config, diagnostics.map(\.description))
    }

    @Test func everyTypeDecodesWithDefaultPorts() throws {
        let (config, problems) = parse("""
              - {id: db, type: postgres, host: db.internal, user: monitor, database: app}
              - {id: cache, type: redis, host: cache.internal, password: "${REDIS_PASSWORD}", expect: {role: master, connected_clients: ">= 1"}}
              - {id: queue, type: amqp, host: mq.internal}
              - {id: mail, type: smtp, host: mail.internal, port: 587, starttls: true, cert_min_days: 14}
              - {id: cert, type: tls, host: www.example.com, cert_min_days: 21}
              - {id: ssh, type: tcp, host: git.internal, port: 22, expect: {regex: "^SSH-2\\\\.0-"}}
              - {id: echo, type: tcp, host: echo.internal, port: 7, send: "ping\\r\\n", expect: pong}
        """, environment: ["REDIS_PASSWORD": "hunter2"])
        #expect(problems == [])
        let checks = try #require(config).allChecks
        #expect(checks.map(\.type) == [.postgres, .redis, .amqp, .smtp, .tls, .tcp, .tcp])
        #expect(checks.map(\.displayTarget) == ["db.internal:5432", "cache.internal:6379", "mq.internal:5672",
                                                 "mail.internal:587", "www.example.com:443", "git.internal:22", "echo.internal:7"])
        guard case .conversation(let redis) = checks[1].target, case .redis(let exchange) = redis.exchange else {
            Issue.record("the redis check did not decode as a redis exchange")
            return
        }
        #expect(exchange.password == "hunter2")
        #expect(exchange.info == [InfoFieldExpectation(field: "role", comparison: .equal, value: "master"),
                                  InfoFieldExpectation(field: "connected_clients", comparison: .atLeast, value: "1")])
        guard case .conversation(let echo) = checks[6].target, case .tcp(let send, let expect) = echo.exchange,
              case .contains(let wanted)? = expect else {
            Issue.record("the tcp check did not decode as an exchange")
            return
        }
        #expect(send == Data("ping\r\n".utf8))
        #expect(wanted == Data("pong".utf8))
    }

    @Test func plainTCPStaysAConnectCheck() throws {
        let (config, problems) = parse("          - {id: port, type: tcp, host: h, port: 5432}")
        #expect(problems == [])
        guard case .tcp(let host, let port)? = config?.allChecks.first?.target else {
            Issue.record("a tcp check without send/expect must stay a plain connect")
            return
        }
        #expect(host == "h" && port == 5432)
    }

    @Test func mistakesAreNamedWithLineAndKey() {
        let (_, problems) = parse("""
              - {id: a, type: redis, host: h, pasword: x}
              - {id: b, type: redis, host: h, expect: {connected_clients: ">= many"}}
              - {id: c, type: tcp, host: h, port: 1, expect: {contains: x, regex: y}}
              - {id: d, type: tcp, host: h, port: 1, expect: {regex: "(unclosed"}}
              - {id: e, type: smtp, host: h, cert_min_days: 3}
              - {id: f, type: tcp, host: h}
              - {id: g, type: postgres}
              - {id: h, type: amqp, host: h, starttls: true}
        """)
        #expect(problems == [
            "sitrep.yml:6:39: unknown key 'components[0].checks[0].pasword'; did you mean 'password'?",
            "sitrep.yml:7:67: 'components[0].checks[1].expect.connected_clients' must be a value such as \"master\" or a comparison such as \">= 1\" (==, !=, >=, <=, >, < with a number)",
            "sitrep.yml:8:54: 'components[0].checks[2].expect' must have exactly one of 'contains' or 'regex'",
            "sitrep.yml:9:62: 'components[0].checks[3].expect.regex' is not a valid regular expression: (unclosed",
            "sitrep.yml:10:53: 'components[0].checks[4].cert_min_days' needs 'starttls: true' (without it no certificate is seen)",
            "sitrep.yml:11:9: missing required key 'components[0].checks[5].port'",
            "sitrep.yml:12:9: missing required key 'components[0].checks[6].host'",
            "sitrep.yml:13:38: unknown key 'components[0].checks[7].starttls'",
        ])
    }

    @Test func infoComparisons() throws {
        let atLeast = try #require(InfoFieldExpectation.parse(field: "connected_clients", ">= 2"))
        #expect(atLeast.isMet(by: "2") && atLeast.isMet(by: "10") && !atLeast.isMet(by: "1"))
        let equal = try #require(InfoFieldExpectation.parse(field: "role", "master"))
        #expect(equal.isMet(by: "master") && !equal.isMet(by: "slave"))
        let notEqual = try #require(InfoFieldExpectation.parse(field: "loading", "!= 1"))
        #expect(notEqual.isMet(by: "0") && !notEqual.isMet(by: "1"))
        #expect(InfoFieldExpectation.parse(field: "x", "< lots") == nil)
        #expect(InfoFieldExpectation.parse(field: "x", ">=") == nil)
    }
}
