import Testing
@testable import SitrepKit

@Suite("JSON object members")
struct JSONMembersTests {
    @Test("Members are written sorted by key whatever order the code gives them in")
    func sortedWhateverTheOrder() {
        let keys = ["status", "id", "a", "zz", "Z", "é", "name", "id_2", "10", "9"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var members: JSONMembers = [:]
            for (index, key) in keys.shuffled(using: &generator).enumerated() { members[key] = .int(index) }
            #expect(members.members.map(\.key) == keys.sorted())
        }
    }

    @Test("A key set twice keeps its last value; setting nil removes it; lookups find each key")
    func dictionarySemantics() {
        var members: JSONMembers = ["b": .int(1), "a": .int(2)]
        members["b"] = .int(3)
        members["c"] = .string("x")
        members["a"] = nil
        members["missing"] = nil
        #expect(members.members.map(\.key) == ["b", "c"])
        #expect(members["b"] == .int(3))
        #expect(members["c"] == .string("x"))
        #expect(members["a"] == nil)
        #expect(JSONValue.object(members).serialized() == #"{"b":3,"c":"x"}"#)
    }

    @Test("Objects nest, and equal members give equal documents")
    func nested() {
        let one = JSONValue.object(["outer": .object(["y": .null, "x": .bool(true)]), "list": .array([.int(1)])])
        let two = JSONValue.object(["list": .array([.int(1)]), "outer": .object(["x": .bool(true), "y": .null])])
        #expect(one == two)
        #expect(one.serialized() == #"{"list":[1],"outer":{"x":true,"y":null}}"#)
    }

    @Test("A value written beforehand is placed in a document byte for byte as if written there")
    func writtenBeforehand() {
        let bars = JSONValue.array([.object(["uptime": .double(99.5), "date": .string("2026-11-20 <b>")]), .null])
        let plain = JSONValue.object(["daily": bars, "id": .string("api")]).serialized()
        let shared = JSONValue.object(["daily": bars.written, "id": .string("api")]).serialized()
        #expect(plain == #"{"daily":[{"date":"2026-11-20 \u003cb\u003e","uptime":99.5},null],"id":"api"}"#)
        #expect(shared == plain)
    }
}
