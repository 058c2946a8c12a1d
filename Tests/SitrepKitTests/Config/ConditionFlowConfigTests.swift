import Foundation
import Testing
@testable import SitrepKit

@Suite("Config: conditions and flows")
struct ConditionFlowConfigTests {
    func parse(_ text: String, environment: [String: String] = [:]) -> (SiteConfig?, [String]) {
        let collector = DiagnosticCollector(path: "sitrep.yml")
        let (config, diagnostics) = ConfigLoader.parse(text, configFile: URL(fileURLWithPath: "/srv/status/sitrep.yml"),
                                                       environment: environment, collector: collector)
        return (config, diagnostics.map(\.description))
    }

    @Test func readsConditionsOnJSONHeadersAndTheResponseTime() throws {
        let (config, problems) = parse("""
        site: {title: T, url: "https://status.example.com"}
        components:
          - id: queue
            name: Queue
            checks:
              - type: http
                url: https://q.example.com/stats
                expect:
                  json:
                    status: UP
                    workers: ">= 1"
                    queue.depth: {is: "< 1000", on_fail: degraded}
                    items: len > 0
                    version: matches ^2\\.
                    error: missing
                  headers:
                    Content-Type: matches ^application/json
                    X-Served-By: cache-1
                  response_ms: "< 800"
        """)
        #expect(problems.isEmpty, "\(problems)")
        guard case .http(let http) = try #require(config?.allChecks.first).target else {
            Issue.record("not an http check")
            return
        }
        #expect(http.expect.json == [JSONExpectation(path: "status", expected: .string("UP"))])
        let read = http.expect.conditions.map { "\($0.subjectText) \($0.test.expectedText) \($0.failing.rawValue)" }
        #expect(read == [
            "workers >= 1 down", "queue.depth < 1000 degraded", "items len > 0 down", "version matches ^2\\. down",
            "error missing down", "header Content-Type matches ^application/json down",
            "header X-Served-By \"cache-1\" down", "response time < 800 degraded",
        ])
        #expect(http.expect.headerNames == ["Content-Type", "X-Served-By"])
    }

    @Test func reportsBadConditionsAtTheirLine() {
        let (config, problems) = parse("""
        site: {title: T, url: "https://status.example.com"}
        components:
          - id: api
            name: API
            checks:
              - type: http
                url: https://api.example.com
                expect:
                  json:
                    version: matches ([
                    workers: ">= many"
                    depth: {is: "< 10", on_fail: sometimes}
                    count: len > big
                  response_ms: matches fast
        """)
        #expect(config == nil)
        #expect(problems.contains("sitrep.yml:10:22: 'components[0].checks[0].expect.json.version' has a regular expression that does not compile: (["), "\(problems)")
        #expect(problems.contains("sitrep.yml:11:22: 'components[0].checks[0].expect.json.workers' orders with '>=' against 'many', which is not a number (only == and != compare text)"), "\(problems)")
        #expect(problems.contains("sitrep.yml:12:42: 'components[0].checks[0].expect.json.depth.on_fail' must be down or degraded, not 'sometimes'"), "\(problems)")
        #expect(problems.contains("sitrep.yml:13:20: 'components[0].checks[0].expect.json.count' compares a length with 'big', which is not a number"), "\(problems)")
        #expect(problems.contains("sitrep.yml:14:24: 'components[0].checks[0].expect.response_ms' must compare milliseconds, such as \"< 800\""), "\(problems)")
        #expect(problems.count == 5, "\(problems)")
    }

    let flowConfig = """
    site: {title: T, url: "https://status.example.com"}
    components:
      - id: shop
        name: Shop
        checks:
          - id: checkout
            type: flow
            timeout_ms: 9000
            public: true
            steps:
              - name: login
                url: https://shop.example.com/login
                method: POST
                body: '{"password": "${SHOP_PASSWORD}"}'
                capture:
                  token: {json: token}
                  session: {cookie: session}
                  request: {header: X-Request-Id}
              - name: orders
                url: https://shop.example.com/orders?session=${steps.login.session}
                headers: {Authorization: "Bearer ${steps.login.token}"}
                expect:
                  json: {items: "len > 0"}
    """

    @Test func readsAFlowKeepingStepReferencesAndExpandingTheEnvironment() throws {
        let (config, problems) = parse(flowConfig, environment: ["SHOP_PASSWORD": "hunter22"])
        #expect(problems.isEmpty, "\(problems)")
        let check = try #require(config?.allChecks.first)
        #expect(check.type == .flow)
        #expect(check.timeoutMs == 9000)
        guard case .flow(let flow) = check.target else {
            Issue.record("not a flow")
            return
        }
        #expect(flow.steps.map(\.name) == ["login", "orders"])
        #expect(flow.steps[0].request.body == "{\"password\": \"hunter22\"}")
        #expect(flow.steps[0].captures == [
            FlowCapture(name: "token", source: .json(path: "token")), FlowCapture(name: "session", source: .cookie(name: "session")),
            FlowCapture(name: "request", source: .header(name: "X-Request-Id")),
        ])
        #expect(flow.steps[1].request.url == "https://shop.example.com/orders?session=${steps.login.session}")
        #expect(flow.steps[1].request.headers == [HTTPHeader(name: "Authorization", value: "Bearer ${steps.login.token}")])
        // Step references are neither variables nor secrets.
        #expect(config?.secrets.secrets.map(\.name) == ["SHOP_PASSWORD"])
        #expect(config?.unsetVariables.isEmpty == true)
        #expect(check.displayTarget == "https://shop.example.com/login → https://shop.example.com/orders?session=***")
    }

    @Test func reportsStepReferencesThatCannotBeFilledIn() {
        let (config, problems) = parse("""
        site: {title: T, url: "https://status.example.com"}
        components:
          - id: shop
            name: Shop
            checks:
              - type: http
                url: https://shop.example.com/${steps.login.token}
              - type: flow
                steps:
                  - name: login
                    url: https://shop.example.com/login
                    capture: {token: {json: token}, both: {json: a, header: b}}
                  - name: orders
                    url: https://shop.example.com/orders/${steps.login.user}
                    headers: {Authorization: "Bearer ${steps.logout.token}"}
                  - name: orders
                    url: https://shop.example.com/again
              - {id: empty, type: flow, steps: []}
        """)
        #expect(config == nil)
        #expect(problems.contains("sitrep.yml:7:14: 'components[0].checks[0].url' uses ${steps.…}, which only the steps of a flow check can use"), "\(problems)")
        #expect(problems.contains("sitrep.yml:12:51: 'components[0].checks[1].steps[0].capture.both' must have exactly one of json (a dotted path), header or cookie (a name)"), "\(problems)")
        #expect(problems.contains("sitrep.yml:14:18: 'components[0].checks[1].steps[1].url' uses ${steps.login.user}, but step 'login' captures only token"), "\(problems)")
        #expect(problems.contains("sitrep.yml:15:22: 'components[0].checks[1].steps[1].headers' uses ${steps.logout…}, but no earlier step of this flow is named 'logout'"), "\(problems)")
        #expect(problems.contains("sitrep.yml:16:19: duplicate step name 'orders' in this flow"), "\(problems)")
        #expect(problems.contains("sitrep.yml:18:40: 'components[0].checks[2].steps' must list at least one step"), "\(problems)")
        #expect(problems.count == 6, "\(problems)")
    }
}
