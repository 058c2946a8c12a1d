import Foundation
import Testing

/// A YAML parser that stops at the first repeated key would name only one; `check` and `build` report every
/// repeated key at its own line, and the file's other problems with them.
@Suite("sitrep on duplicate YAML keys", .serialized)
struct DuplicateKeysCLITests {
    @Test func everyDuplicateKeyOfTheConfigIsReportedAtItsLine() throws {
        let config = """
        site:
          title: Fixture Status
          title: Again
          url: https://status.fixture.test
          timezone: Europe/Berlin
          refresh_seconds: 0
        probe:
          timeout_ms: 2000
          retries: 0
          retries: |
            1
        groups:
          - {id: core, name: Core}
        components:
          - id: api
            name: API
            group: core
            colour: red
            name: Again
            checks:
              - {id: health, type: http, url: "http://127.0.0.1:1/health", public: true}
        """
        try HostileInputCLITests().expectRefused([
            "sitrep.yml:3:3: duplicate key 'title' (first at line 2)",
            "sitrep.yml:10:3: duplicate key 'retries' (first at line 9)",
            "sitrep.yml:19:5: duplicate key 'name' (first at line 16)",
            "sitrep.yml:18:5: unknown key 'components[0].colour'",
        ]) { site in
            try site.write("sitrep.yml", config)
        }
    }

    @Test func everyDuplicateKeyOfAFrontMatterIsReportedAtItsLine() throws {
        let incident = """
        ---
        title: Slow API
        impact: huge
        title: Again
        components: [api]
        updates:
          - at: 2026-11-20T09:15:00Z
            status: investigating
            message: Looking.
            status: identified
          - at: 2026-11-20T09:10:00Z
            status: investigating
            message: Start.
            message: |
              Again.

              And again.
        ---
        Body.
        """
        try HostileInputCLITests().expectRefused([
            "content/incidents/dup.md:4:1: duplicate key 'title' (first at line 2)",
            "content/incidents/dup.md:10:5: duplicate key 'status' (first at line 8)",
            "content/incidents/dup.md:14:5: duplicate key 'message' (first at line 13)",
            "content/incidents/dup.md:3:9: 'impact' must be one of",
        ]) { site in
            try site.write("content/incidents/dup.md", incident)
        }
    }
}
