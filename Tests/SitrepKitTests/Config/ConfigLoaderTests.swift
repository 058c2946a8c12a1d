import Foundation
import Testing
@testable import SitrepKit

@Suite("Config loading")
struct ConfigLoaderTests {
    /// Parses config text as if it were `/srv/status/sitrep.yml`.
    func parse(_ text: String, environment: [String: String] = [:]) -> (SiteConfig?, [Diagnostic]) {
        let collector = DiagnosticCollector(path: "sitrep.yml")
        return ConfigLoader.parse(text, configFile: URL(fileURLWithPath: "/srv/status/sitrep.yml"),
                                  environment: environment, collector: collector)
    }

    let specExample = """
    site:
      title: Acme Status
      url: https://status.acme.dev/
      description: Live status of Acme's public services
      timezone: Europe/Berlin
      history_days: 60
      refresh_seconds: 30
    paths:
      database: data/x.sqlite
      output: /var/www/status
    probe:
      timeout_ms: 8000
      concurrency: 16
      retries: 2
      stale_after_s: 600
    retention:
      raw_days: 14
    uptime:
      weights: {major_outage: 1.0, partial_outage: 0.5, degraded_performance: 0.1}
    groups:
      - id: core
        name: Core platform
    components:
      - id: api
        name: Public API
        group: core
        description: REST API used by the apps
        checks:
          - id: health
            type: http
            url: https://api.acme.dev/health
            method: post
            headers: {Authorization: "Bearer ${ACME_TOKEN}"}
            body: '{"ping": true}'
            follow_redirects: false
            timeout_ms: 5000
            max_body_bytes: 2048
            public: true
            expect:
              status: [200, 204]
              body_contains: '"ok"'
              body_not_contains: maintenance
              json: {status: UP, db.ok: true, items.0.count: 3, name: "42"}
              max_response_ms: 800
              cert_min_days: 14
          - {id: db, type: tcp, host: db.acme.dev, port: 5432}
          - {id: dns, type: dns, name: acme.dev, record: AAAA}
      - id: web
        name: Website
        checks:
          - type: http
            url: https://acme.dev
    """

    @Test func readsEveryKeyOfTheSpecExample() throws {
        let (config, diagnostics) = parse(specExample, environment: ["ACME_TOKEN": "s3cr3t-token"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(config)
        #expect(site.components.count > 1 && site.checkCount > site.components.count)
        #expect(site.checkCount == site.allChecks.count)
        #expect(site.site.title == "Acme Status")
        #expect(site.site.url == "https://status.acme.dev")
        #expect(site.site.timezone.identifier == "Europe/Berlin")
        #expect(site.site.historyDays == 60)
        #expect(site.site.refreshSeconds == 30)
        #expect(site.paths.database.path == "/srv/status/data/x.sqlite")
        #expect(site.paths.content.path == "/srv/status/content")
        #expect(site.paths.output.path == "/var/www/status")
        #expect(site.probe.timeoutMs == 8000 && site.probe.concurrency == 16 && site.probe.retries == 2)
        #expect(site.probe.staleAfterS == 600)
        #expect(site.retention.rawDays == 14)
        #expect(site.uptime == UptimeWeights(majorOutage: 1.0, partialOutage: 0.5, degradedPerformance: 0.1))
        #expect(site.groups == [GroupConfig(id: "core", name: "Core platform")])
        let api = try #require(site.component("api"))
        #expect(api.group == "core")
        #expect(api.checks.map(\.id) == ["health", "db", "dns"])
        let health = api.checks[0]
        #expect(health.timeoutMs == 5000 && health.isPublic)
        #expect(health.displayTarget == "https://api.acme.dev/health")
        guard case .http(let http) = health.target else { Issue.record("not http"); return }
        #expect(http.method == "POST")
        #expect(http.headers == [HTTPHeader(name: "Authorization", value: "Bearer s3cr3t-token")])
        #expect(http.body == #"{"ping": true}"#)
        #expect(!http.followRedirects)
        #expect(http.maxBodyBytes == 2048)
        #expect(http.expect.status == [200, 204])
        #expect(http.expect.bodyContains == #""ok""#)
        #expect(http.expect.bodyNotContains == "maintenance")
        #expect(http.expect.json == [
            JSONExpectation(path: "status", expected: .string("UP")),
            JSONExpectation(path: "db.ok", expected: .bool(true)),
            JSONExpectation(path: "items.0.count", expected: .number(3)),
            JSONExpectation(path: "name", expected: .string("42")),
        ])
        #expect(http.expect.maxResponseMs == 800 && http.expect.certMinDays == 14)
        guard case .tcp(let host, let port) = api.checks[1].target else { Issue.record("not tcp"); return }
        #expect(host == "db.acme.dev" && port == 5432)
        #expect(api.checks[1].timeoutMs == 8000)
        guard case .dns(let name, let record) = api.checks[2].target else { Issue.record("not dns"); return }
        #expect(name == "acme.dev" && record == .aaaa)
        #expect(site.component("web")?.checks.first?.id == "http")
        #expect(site.secrets.redact("got 401 for Bearer s3cr3t-token") == "got 401 for Bearer ${ACME_TOKEN}")
    }

    @Test func appliesDefaults() throws {
        let (config, diagnostics) = parse("site: {title: T, url: 'http://x.test'}\n")
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.site.timezone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)) == 0)
        #expect(site.site.historyDays == 90 && site.site.refreshSeconds == 60)
        #expect(site.probe.timeoutMs == 10_000 && site.probe.concurrency == 64 && site.probe.retries == 1)
        #expect(site.probe.staleAfterS == 900 && site.retention.rawDays == 1)
        #expect(site.paths.database.path == "/srv/status/data/sitrep.sqlite")
        #expect(site.paths.templates.path == "/srv/status/templates")
        #expect(site.paths.output.path == "/srv/status/site")
        #expect(site.uptime == UptimeWeights())
    }

    @Test func reportsEveryProblemWithLineAndColumn() {
        let text = """
        site:
          title: T
          url: not-a-url
          flavour: blue
        probe:
          timeout_ms: fast
        groups:
          - {id: core, name: Core}
          - {id: core, name: Again}
        components:
          - id: api
            name: API
            group: missing
            checks:
              - {type: tcp, host: db, port: 70000}
              - {type: http, url: "ftp://x"}
              - {type: ftp}
              - {type: http, url: "https://x.test/${NOPE}"}
          - id: api
            name: Twice
          - id: Bad_Id
          - name: No id
        """
        let (config, diagnostics) = parse(text)
        #expect(config == nil)
        let lines = diagnostics.map(\.description)
        #expect(lines.contains("sitrep.yml:3:8: 'site.url' must be an absolute http(s) URL such as https://status.example.com, not 'not-a-url'"))
        #expect(lines.contains("sitrep.yml:4:3: unknown key 'site.flavour'"))
        #expect(lines.contains("sitrep.yml:6:15: 'probe.timeout_ms' must be a whole number"))
        #expect(lines.contains("sitrep.yml:9:10: duplicate group id 'core'"))
        #expect(lines.contains("sitrep.yml:13:12: 'components[0].group' refers to unknown group 'missing'"))
        #expect(lines.contains("sitrep.yml:15:37: 'components[0].checks[0].port' must be between 1 and 65535, not 70000"))
        #expect(lines.contains("sitrep.yml:16:27: 'components[0].checks[1].url' must be an absolute http:// or https:// URL"))
        #expect(lines.contains("sitrep.yml:17:16: 'components[0].checks[2].type' must be one of http, tcp, dns, flow, postgres, redis, amqp, smtp, tls, not 'ftp'"))
        #expect(lines.contains("sitrep.yml:19:9: duplicate component id 'api'"))
        #expect(lines.contains("sitrep.yml:21:9: 'components[2].id' must use only a-z, 0-9 and '-' (it is used in URLs), not 'Bad_Id'"))
        #expect(lines.contains("sitrep.yml:21:5: missing required key 'components[2].name'"))
        #expect(lines.contains("sitrep.yml:22:5: missing required key 'components[3].id'"))
        #expect(diagnostics.count == 12, "\(lines.joined(separator: "\n"))")
    }

    /// Only probing needs `${VAR}` values: an unset one is not a problem of the config, but kept (with its
    /// place) for the commands that probe, which refuse it.
    @Test func anUnsetVariableIsKeptAsWrittenForTheCommandsThatProbe() throws {
        let text = """
        site: {title: T, url: "https://status.example.com"}
        components:
          - id: api
            name: API
            checks:
              - {id: web, type: http, url: "${API_BASE}/health", headers: {Authorization: "Bearer ${TOKEN}"}}
              - {id: db, type: tcp, host: "${DB_HOST}", port: 5432}
        """
        let (config, diagnostics) = parse(text, environment: ["TOKEN": "t0ken"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let unset = try #require(config).unsetVariables.map(\.description)
        #expect(unset == [
            "sitrep.yml:6:36: 'components[0].checks[0].url' uses ${API_BASE}, but the environment variable API_BASE is not set",
            "sitrep.yml:7:35: 'components[0].checks[1].host' uses ${DB_HOST}, but the environment variable DB_HOST is not set",
        ])
        let (complete, _) = parse(text, environment: ["TOKEN": "t0ken", "API_BASE": "https://api.test", "DB_HOST": "db.test"])
        #expect(try #require(complete).unsetVariables.isEmpty)
    }

    @Test func reportsYAMLSyntaxErrorsWithTheirLine() {
        let (config, diagnostics) = parse("site:\n  title: [unclosed\n  url: x\n")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path == "sitrep.yml")
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML") == true)
        #expect((diagnostics.first?.line ?? 0) >= 2)
    }

    @Test func missingSiteSectionIsNamed() {
        let (_, diagnostics) = parse("components: []\n")
        #expect(diagnostics.map(\.description) == ["sitrep.yml:1:1: missing required key 'site'"])
    }

    @Test func environmentExpansionHandlesEscapesAndMalformedReferences() {
        var expander = EnvironmentExpander(environment: ["A": "alpha-value", "B": "b"])
        #expect(expander.expand("x ${A} $$ ${B} $5") == .success("x alpha-value $ b $5"))
        #expect(expander.expand("${A") == .failure(.malformed))
        #expect(expander.expand("${1A}") == .failure(.malformed))
        #expect(expander.expand("${MISSING}") == .failure(.unset("MISSING")))
        // Too-short values are not treated as secrets (they would mangle ordinary text).
        #expect(expander.redactor.redact("alpha-value and b") == "${A} and b")
    }

    @Test func loadsFromDiskAndNamesAMissingFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("sitrep.yml")
        try "site: {title: T, url: 'https://x.test'}\npaths: {content: stuff}\n".write(to: file, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(from: file, environment: [:])
        #expect(config.paths.content.path == dir.appendingPathComponent("stuff").standardizedFileURL.path)
        #expect(throws: DiagnosticsError.self) { try ConfigLoader.load(from: dir.appendingPathComponent("nope.yml"), environment: [:]) }
    }
}
