import Foundation
import Testing

/// `make run`'s steps (`scripts/demo-run`) on a copy of the sample site: the loopback demo service, the sample
/// content dated relative to now, probes and the build; and that the service is gone afterwards.
@Suite("make run: the sample site against the demo service", .serialized)
struct DemoRunTests {
    /// A copy of the sample `sitrep.yml` (its demo ports replaced by free ones) and the theme.
    struct SampleCopy {
        let site: FixtureSite
        let httpPort: Int
        let tcpPort: Int

        init() throws {
            let sample = try String(contentsOf: SitrepProcess.packageRoot.appendingPathComponent("sitrep.yml"), encoding: .utf8)
            httpPort = try Loopback.freePort()
            tcpPort = try Loopback.freePort()
            #expect(sample.contains("127.0.0.1:47801") && sample.contains("port: 47802"))
            site = try FixtureSite(config: sample.replacingOccurrences(of: "47801", with: "\(httpPort)")
                .replacingOccurrences(of: "47802", with: "\(tcpPort)"))
        }

        var environment: [String: String] {
            ["SITREP_DEMO_HTTP_PORT": "\(httpPort)", "SITREP_DEMO_TCP_PORT": "\(tcpPort)", "SITREP_DEMO_PROBES": "1",
             "PYTHON": Self.python]
        }

        static var python: String { ProcessInfo.processInfo.environment["SITREP_PYTHON"] ?? "python3" }

        func script(_ name: String, _ arguments: [String]) throws -> SitrepProcess.BoundedOutcome {
            try SitrepProcess.run([SitrepProcess.packageRoot.appendingPathComponent("scripts/\(name)").path] + arguments,
                                  in: site.root, environment: environment, deadline: 120,
                                  executable: URL(fileURLWithPath: "/usr/bin/env"))
        }
    }

    @Test func theSampleLooksLikeAMostlyHealthyStatusPageAndTheServiceStops() throws {
        let copy = try SampleCopy()
        defer { copy.site.remove() }
        let outcome = try copy.script("demo-run", [SitrepProcess.binary.path])
        #expect(outcome.status == 0 && !outcome.timedOut, "\(outcome.stdout)\n\(outcome.stderr)")

        let index = try copy.site.read("site/index.html")
        #expect(index.contains("Partially Degraded Service"), "only the slow documentation is degraded")
        #expect(!index.contains("Major System Outage") && !index.contains("Partial System Outage"))
        #expect(index.contains("Database upgrade to PostgreSQL 17"), "the upcoming maintenance is announced")
        let status = try Self.json(copy.site.read("site/api/v2/status.json"))["status"] as? [String: Any]
        #expect(status?["indicator"] as? String == "minor")
        for component in ["api", "auth", "database", "website", "docs"] {
            let json = try Self.json(copy.site.read("site/api/v1/components/\(component).json"))
            #expect(json["status"] as? String == (component == "docs" ? "degraded_performance" : "operational"), "\(component)")
        }
        let auth = try Self.json(copy.site.read("site/api/v1/components/auth.json"))
        let flow = (auth["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "sign-in" }
        let steps = flow?["steps"] as? [[String: Any]] ?? []
        #expect(steps.map { $0["name"] as? String } == ["sign-in", "orders"] && steps.allSatisfy { $0["status"] as? String == "up" },
                "the sample's sign-in flow passes: \(String(describing: flow))")
        let incident = try copy.site.read("site/incidents/sample-api-error-rates.html")
        #expect(incident.contains("Postmortem") && incident.contains("Resolved"))
        #expect(try copy.site.run("check").status == 0)

        #expect(!Loopback.accepts(port: copy.httpPort), "the demo service stopped")
        #expect(!Loopback.accepts(port: copy.tcpPort))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    @Test func theServiceStopsWhenTheCommandFailsAndPassesItsExitCodeOn() throws {
        let copy = try SampleCopy()
        defer { copy.site.remove() }
        let failed = try copy.script("demo-service.py", ["--", "sh", "-c", "exit 5"])
        #expect(failed.status == 5 && !failed.timedOut, "\(failed.stderr)")
        #expect(!Loopback.accepts(port: copy.httpPort) && !Loopback.accepts(port: copy.tcpPort))

        // While the command runs the service answers; a broken config fails `make run` and still stops it.
        try copy.site.write("sitrep.yml", "site: {title: Broken}\n")
        let broken = try copy.script("demo-run", [SitrepProcess.binary.path])
        #expect(broken.status == 1, "\(broken.stderr)")
        #expect(broken.stderr.contains("sitrep.yml"), "\(broken.stderr)")
        #expect(!Loopback.accepts(port: copy.httpPort) && !Loopback.accepts(port: copy.tcpPort))
    }

    @Test func theSampleContentIsDatedFromNow() throws {
        let copy = try SampleCopy()
        defer { copy.site.remove() }
        let outcome = try copy.script("demo-content.py", ["content", "--now", "2031-03-10T12:00:00Z"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try copy.site.read("content/incidents/sample-api-error-rates.md").contains("at: 2031-03-04T11:02:00Z"))
        #expect(try copy.site.read("content/maintenance/sample-database-upgrade.md").contains("scheduled_for: 2031-03-15T02:00:00Z"))
        let check = try copy.site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
    }
}

/// Loopback ports for tests: one the system has just handed out, and whether something accepts connections.
enum Loopback {
    struct Failure: Error {}

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure() }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure() }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
