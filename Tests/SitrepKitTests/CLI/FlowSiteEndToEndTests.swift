import Foundation
import Testing
@testable import SitrepKit

/// A login flow and a queue check with conditions, probed by the built binary against `probe_test_server.py`,
/// stored, and built into the component page and `api/v1`: steps with status and phases, the failed step named,
/// observed values only for public checks, the password and the token nowhere.
@Suite("Flows and conditions end to end", .serialized)
struct FlowSiteEndToEndTests {
    func config(_ server: ProbeTestServer) -> String {
        """
        site: {title: Flow Status, url: "https://status.flow.test", refresh_seconds: 0}
        probe: {timeout_ms: 5000, retries: 0}
        components:
          - id: shop
            name: Shop
            checks:
              - id: checkout
                type: flow
                public: true
                steps:
                  - name: login
                    url: \(server.http("/flow/login"))
                    method: POST
                    headers: {Content-Type: application/json}
                    body: '{"password": "${SHOP_PASSWORD}"}'
                    capture: {token: {json: token}}
                  - name: orders
                    url: \(server.http("/flow/orders"))
                    headers: {Authorization: "Bearer ${steps.login.token}"}
                    expect: {json: {items: "len > 0"}}
                  - name: broken
                    url: \(server.http("/status/500"))
                  - name: never
                    url: \(server.http("/ok"))
          - id: queue
            name: Queue
            checks:
              - id: depth
                type: http
                url: \(server.http("/conditions"))
                expect:
                  json:
                    workers: ">= 1"
                    queue.depth: {is: "< 1000", on_fail: degraded}
                  headers: {X-Workers: ">= 1"}
        """
    }

    @Test func theComponentPageAndTheJSONShowEachStep() throws {
        let server = try ProbeTestServer.shared.get()
        let site = try FixtureSite(config: config(server))
        defer { site.remove() }
        let environment = ["SHOP_PASSWORD": "hunter22"]
        let probe = try site.run("probe", "--json", environment: environment)
        #expect(probe.status == 0, "\(probe.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any])
        let probed = try #require((report["results"] as? [[String: Any]])?.first { $0["check"] as? String == "checkout" })
        let probedSteps = try #require(probed["steps"] as? [[String: Any]])
        #expect(probedSteps.map { $0["status"] as? String } == ["up", "up", "down", nil])
        #expect(!probe.stdout.contains("hunter22") && !probe.stdout.contains("tok-4711"), "\(probe.stdout)")
        let build = try site.run("build", environment: environment)
        #expect(build.status == 0, "\(build.stderr)")

        let shop = try site.read("site/components/shop.html")
        #expect(shop.contains("<span class=\"tag\">FLOW</span>"))
        for step in ["login", "orders", "broken", "never"] { #expect(shop.contains("data-step=\"\(step)\""), "\(step)") }
        #expect(shop.contains("Error: <code>http_status</code> — Step &#39;broken&#39; failed: The server answered with HTTP status 500"), "\(shop)")
        #expect(shop.contains("<span class=\"status-word\">Not run</span>"))
        #expect(shop.contains("Time to first byte"))
        for secret in ["hunter22", "tok-4711"] { #expect(!shop.contains(secret), "\(secret) leaked") }

        let json = try #require(try JSONSerialization.jsonObject(with: Data(site.read("site/api/v1/components/shop.json").utf8)) as? [String: Any])
        let check = try #require((json["checks"] as? [[String: Any]])?.first)
        #expect(check["type"] as? String == "flow")
        #expect(check["status"] as? String == "down")
        let steps = try #require(check["steps"] as? [[String: Any]])
        #expect(steps.map { $0["name"] as? String } == ["login", "orders", "broken", "never"])
        #expect(steps.map { $0["status"] as? String } == ["up", "up", "down", nil])
        #expect(steps.map { $0["http_status"] as? Int } == [200, 200, 500, nil])
        #expect((steps[0]["timings_ms"] as? [String: Any])?["total"] != nil)
        #expect((steps[2]["error"] as? [String: Any])?["kind"] as? String == "http_status")
        #expect(((check["error"] as? [String: Any])?["summary"] as? String) == "step broken: http_status")

        // A private check: which condition failed and what was expected, never the value the server sent.
        let queue = try site.read("site/components/queue.html")
        #expect(queue.contains("Error: <code>json</code> — queue.depth: expected &lt; 1000</p>"), "\(queue)")
        #expect(!queue.contains("1500"))
        let queueJSON = try site.read("site/api/v1/components/queue.json")
        #expect(queueJSON.contains("\"summary\":\"queue.depth: expected \\u003c 1000\""), "\(queueJSON)")
        #expect(queueJSON.contains("\"status\":\"degraded\""))
        #expect(!queueJSON.contains("1500"))
    }
}
