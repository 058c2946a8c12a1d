import Foundation
@testable import SitrepKit

/// Builders for conditions and flow checks against `probe_test_server.py`'s `/flow/…` and `/conditions`.
extension ProbeFixtures {
    /// A condition from its config text (`">= 1"`), as the config decoder reads it.
    static func condition(_ subject: Condition.Subject, _ text: String, failing: CheckStatus = .down) -> Condition {
        guard case .test(let test) = ConditionParser.parse(text) else {
            return Condition(subject: subject, test: .equals(.string(text)), failing: failing)
        }
        return Condition(subject: subject, test: test, failing: failing)
    }

    static func step(_ name: String, _ url: String, method: String = "GET", body: String? = nil,
                     headers: [String: String] = [:], captures: [FlowCapture] = [],
                     _ configure: (inout HTTPCheck) -> Void = { _ in }) -> FlowStep {
        var request = HTTPCheck(url: url, method: method, headers: headers.sorted { $0.key < $1.key }.map { HTTPHeader(name: $0.key, value: $0.value) },
                                body: body)
        configure(&request)
        return FlowStep(name: name, request: request, captures: captures)
    }

    /// The login step: POST the password, keep the token (JSON) and the request id (header); the session
    /// cookie stays in the flow's jar.
    static func login(_ server: ProbeTestServer, password: String = "hunter22", captures: [FlowCapture]? = nil) -> FlowStep {
        step("login", server.http("/flow/login"), method: "POST", body: "{\"password\": \"\(password)\"}",
             headers: ["Content-Type": "application/json"],
             captures: captures ?? [FlowCapture(name: "token", source: .json(path: "token")),
                                    FlowCapture(name: "request", source: .header(name: "X-Request-Id")),
                                    FlowCapture(name: "session", source: .cookie(name: "session"))]) {
            $0.expect.status = [200]
        }
    }

    static func orders(_ server: ProbeTestServer) -> FlowStep {
        step("orders", server.http("/flow/orders"), headers: ["Authorization": "Bearer ${steps.login.token}"]) {
            $0.expect.status = [200]
            $0.expect.conditions = [condition(.json(path: "items"), "len > 0")]
        }
    }

    static func flow(_ id: String, _ steps: [FlowStep], timeoutMs: Int = 5000) -> CheckConfig {
        CheckConfig(componentID: "test", id: id, target: .flow(FlowCheck(steps: steps)), timeoutMs: timeoutMs,
                    displayTarget: steps.map(\.request.url).joined(separator: " → "))
    }
}
