import Foundation
import Testing
@testable import SitrepKit

/// SVG coordinates, paths and links written by the fast paths give what the general code gave.
@Suite struct RenderTextTests {
    @Test func coordinatesWrittenByteByByteMatchTheStringFormat() {
        // The format as it was built from strings before it wrote bytes.
        func reference(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : DecimalText.fixed(rounded, decimals: 1)
        }
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.95, 56, 712, 208, -3.25, 1e13, -1e13, 99.99, 120.45]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append((Double(state >> 11) / Double(1 << 53) - 0.3) * pow(10, Double(state % 7)))
        }
        for value in values {
            #expect(NumberFormat.coordinate(value) == reference(value), "\(value)")
        }
        #expect(NumberFormat.coordinate(.infinity) == "0" && NumberFormat.coordinate(.nan) == "0" && NumberFormat.coordinate(1e300) == "0")
    }

    @Test func svgPathDataSeparatesCommandsWithOneSpace() {
        var path = SVGPathData()
        path.move(56, 208)
        path.line(60.54, -3.25)
        path.line(0.04, 1e300)
        path.close()
        #expect(path.text == "M56 208 L60.5 -3.3 L0 0 Z")
        #expect(SVGPathData().text.isEmpty)
    }

    @Test func linksSkipEncodingOnlyWhenNothingNeedsIt() throws {
        let context = RenderContext(model: SiteFixture.model(), strings: try SiteFixture.english())
        #expect(context.href("incidents/db-outage.html", root: "../") == "../incidents/db-outage.html")
        #expect(context.href("a b/ü?#.html", root: "") == "a%20b/%C3%BC%3F%23.html")
        #expect(context.href("x/y%z", root: "./") == "./x/y%25z")
    }
}
