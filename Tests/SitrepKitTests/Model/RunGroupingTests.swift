import Testing
@testable import SitrepKit

@Suite("Grouping by runs")
struct RunGroupingTests {
    @Test func groupsAreThoseOfDictionaryGroupingInAnyOrder() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for round in 0..<300 {
            // Sorted runs (as snapshots come), then shuffled keys, then a key that comes back after others.
            var items = (0..<next(60)).map { (key: "component-\(next(6))", value: $0) }
            if round % 3 == 0 { items.sort { $0.key < $1.key } }
            let grouped = items.grouped(byRunsOf: \.key)
            let expected = Dictionary(grouping: items, by: \.key)
            #expect(grouped.keys.sorted() == expected.keys.sorted())
            for (key, group) in expected {
                #expect(grouped[key]?.map(\.value) == group.map(\.value), "\(key)")
            }
        }
        let returning = [("a", 1), ("a", 2), ("b", 3), ("a", 4)].grouped(byRunsOf: \.0)
        #expect(returning["a"]?.map(\.1) == [1, 2, 4] && returning["b"]?.map(\.1) == [3])
    }
}
