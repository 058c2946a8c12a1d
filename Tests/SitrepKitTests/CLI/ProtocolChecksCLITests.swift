import Foundation
import Testing
@testable import SitrepKit

/// A database, a cache and a queue probed by the built binary against the real servers, and a login flow against
/// the probe test server, then built into pages. With `SITREP_SCREENSHOTS` set to a folder (and Chromium at
/// hand), the stack's component page is also saved there as `stack-component-<width>.png` for a person to read.
@Suite(.enabled(if: ProtocolTestServers.realServersRun && ProtocolTestServers.pythonRuns))
struct ProtocolChecksCLITests {
    @Test func stackChecksProbeAndRender() throws {
        let servers = try ProbeFixtures.protocols()
        let postgres = try servers.real(\.postgres, "postgres")
        let redis = try servers.real(\.redis_password, "redis_password")
        let rabbit = try servers.real(\.rabbitmq, "rabbitmq")
        let web = try ProbeFixtures.server()
        let config = """
        site: {title: Stack, url: "https://status.stack.test", refresh_seconds: 0}
        probe: {timeout_ms: 5000, retries: 0}
        components:
          - id: data
            name: Data stores
            checks:
              - {id: db, type: postgres, host: 127.0.0.1, port: \(postgres), public: true}
              - {id: cache, type: redis, host: 127.0.0.1, port: \(redis), password: "${REDIS_PASSWORD}", public: true,
                 expect: {role: master, connected_clients: ">= 1"}}
              - {id: queue, type: amqp, host: 127.0.0.1, port: \(rabbit), public: true}
              - id: sign-in
                type: flow
                public: true
                steps:
                  - name: login
                    url: \(web.http("/flow/login"))
                    method: POST
                    headers: {Content-Type: application/json}
                    body: '{"password": "hunter22"}'
                    expect: {status: 200}
                    capture:
                      token: {json: token}
                  - name: orders
                    url: \(web.http("/flow/orders"))
                    headers: {Authorization: "Bearer ${steps.login.token}"}
                    expect: {status: 200, json: {items: "len > 0"}}
          - id: broken
            name: Broken cache
            checks:
              - {id: cache, type: redis, host: 127.0.0.1, port: \(redis), password: "${WRONG_PASSWORD}", public: true}
        """
        let site = try FixtureSite(config: config)
        defer { site.remove() }
        let environment = ["REDIS_PASSWORD": ProtocolTestServers.redisPassword, "WRONG_PASSWORD": "wrong-horse-battery"]
        let probe = try site.run("probe", "--json", environment: environment)
        #expect(probe.status == 0, "\(probe.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        let byCheck = Dictionary(uniqueKeysWithValues: results.map { ("\($0["component"] ?? "")/\($0["check"] ?? "")", $0) })
        #expect(byCheck["data/db"]?["type"] as? String == "postgres")
        #expect(byCheck["data/cache"]?["type"] as? String == "redis")
        #expect(byCheck["data/queue"]?["type"] as? String == "amqp")
        #expect(byCheck["data/sign-in"]?["type"] as? String == "flow")
        for key in ["data/db", "data/cache", "data/queue", "data/sign-in"] {
            #expect(byCheck[key]?["status"] as? String == "up", "\(key): \(String(describing: byCheck[key]))")
        }
        #expect((byCheck["broken/cache"]?["error"] as? [String: Any])?["kind"] as? String == "auth")
        for secret in environment.values {
            #expect(!probe.stdout.contains(secret) && !probe.stderr.contains(secret))
        }

        let build = try site.run("build", environment: environment)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try site.read("site/components/data.html")
        for label in ["POSTGRES", "REDIS", "AMQP", "FLOW", ">login<", ">orders<"] {
            #expect(page.contains(label), "\(label) missing from the component page")
        }
        for secret in environment.values {
            #expect(!page.contains(secret))
        }
        if let folder = ProcessInfo.processInfo.environment["SITREP_SCREENSHOTS"], let chromium = BrowserTests.chromium {
            for width in [390, 1280] {
                let shot = URL(fileURLWithPath: folder).appendingPathComponent("stack-component-\(width).png")
                _ = try BrowserTests.runChromium(chromium, arguments: [
                    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(site.root.path)/profile",
                    "--window-size=\(width),3200", "--screenshot=\(shot.path)", site.root.appendingPathComponent("site/components/data.html").absoluteString,
                ], scratch: site.root)
                #expect(FileManager.default.fileExists(atPath: shot.path))
            }
        }
    }
}
