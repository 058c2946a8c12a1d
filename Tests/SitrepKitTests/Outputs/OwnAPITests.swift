import Foundation
import Testing
@testable import SitrepKit

@Suite("Outputs: own API v1")
struct OutputsOwnAPITests {
    @Test("components/<id>.json has SPEC.md's shape, with target and error message only for public checks")
    func componentDocument() throws {
        let outputs = try OutputFiles()
        let api = try outputs.json("api/v1/components/api.json")
        for key in ["id", "name", "status", "stale", "uptime", "daily", "latency", "checks"] {
            #expect(api[key] != nil, "missing \(key)")
        }
        let uptime = try #require(api["uptime"] as? [String: Any])
        #expect(Set(uptime.keys) == ["24h", "7d", "30d", "60d", "90d"])
        #expect(uptime["30d"] as? Double == 99.512)
        let latency = try #require(api["latency"] as? [String: Any])
        #expect((latency["24h"] as? [String: Any])?["p95"] as? Double == 340.3)
        #expect(latency["7d"] is NSNull)
        let daily = try #require(api["daily"] as? [[String: Any]])
        #expect(daily.count == 3)
        #expect(daily.last?["incidents"] as? [String] == ["db-failover"])
        #expect(daily.last?["worst_status"] as? String == "major_outage")
        let check = try #require((api["checks"] as? [[String: Any]])?.first)
        #expect(check["target"] as? String == "https://api.example.com/health")
        #expect((check["error"] as? [String: Any])?["kind"] as? String == "connect")
        #expect((check["error"] as? [String: Any])?["message"] != nil)

        let web = try #require((try outputs.json("api/v1/components/web.json")["checks"] as? [[String: Any]])?.first)
        #expect(web["target"] == nil)
        #expect(web["error"] as? [String: String] == ["kind": "slow"])
    }

    @Test("a stale component says so, with null uptime where there is no data")
    func stale() throws {
        let legacy = try OutputFiles().json("api/v1/components/legacy.json")
        #expect(legacy["stale"] as? Bool == true)
        let uptime = try #require(legacy["uptime"] as? [String: Any])
        #expect(uptime.values.allSatisfy { $0 is NSNull })
        #expect((legacy["daily"] as? [[String: Any]])?.first?["uptime"] is NSNull)
    }

    @Test("status.json has what the index page shows")
    func status() throws {
        let outputs = try OutputFiles()
        let status = try outputs.json("api/v1/status.json")
        #expect((status["status"] as? [String: Any])?["indicator"] as? String == "major")
        #expect(try outputs.ids("api/v1/status.json", "groups") == ["core", "data"])
        let components = try outputs.list("api/v1/status.json", "components")
        #expect(components.compactMap { $0["id"] as? String } == ["api", "web", "db", "search", "legacy"])
        #expect(components.last?["stale"] as? Bool == true)
        #expect(components.last?["status_label"] as? String == "No recent data")
        #expect(try outputs.ids("api/v1/status.json", "active_incidents") == ["search-slow"])
        #expect(try outputs.ids("api/v1/status.json", "active_maintenance") == ["db-upgrade"])
        #expect(try outputs.ids("api/v1/status.json", "upcoming_maintenance") == ["next-upgrade"])
    }

    @Test("JSON escapes markup characters and keeps times in SPEC.md's format")
    func jsonValue() {
        let value = JSONValue.object(["b": .string("<a href='x'>&</a>"), "a": .time(OutputsFixture.now), "c": .null])
        #expect(value.serialized() == #"{"a":"2026-11-20T12:00:00.000Z","b":"\u003ca href='x'\u003e\u0026\u003c/a\u003e","c":null}"#)
        #expect(JSONValue.number(99.95000000001, decimals: 3).serialized() == "99.95")
        #expect(JSONValue.number(100, decimals: 3).serialized() == "100")
        #expect(JSONValue.number(.nan, decimals: 3).serialized() == "null")
    }
}
