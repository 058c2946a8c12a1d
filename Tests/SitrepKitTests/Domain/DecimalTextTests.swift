import Foundation
import Testing
@testable import SitrepKit

/// Numbers and times written byte by byte give what the string formats gave.
@Suite struct DecimalTextTests {
    @Test func paddedNumbersAreZeroPaddedDigitsAfterTheSign() {
        for value in [0, 1, 7, 9, 10, 42, 99, 100, 999, 1_000, 2_026, 123_456_789, Int.max, -1, -7, -42, -100, Int.min] {
            for width in 0...21 {
                // The width counts digits only (a sign comes in front), unlike printf's `%0*ld`.
                let digits = String(value.magnitude)
                let expected = (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
                #expect(DecimalText.padded(value, width: width) == expected, "\(value) \(width)")
                var bytes = Array("x".utf8)
                DecimalText.appendPadded(value.magnitude, width: width, to: &bytes)
                #expect(bytes == Array(("x" + expected.drop { $0 == "-" }).utf8), "\(value) \(width) as bytes")
            }
        }
        #expect(DecimalText.padded(7, width: 3) == "007" && DecimalText.padded(-7, width: 2) == "-07")
    }

    @Test func fixedDecimalsWrittenByteByByteMatchTheStringFormat() {
        // The format as it was built from strings before it wrote bytes.
        func reference(_ value: Double, _ decimals: Int) -> String {
            var scale = 1
            for _ in 0..<decimals { scale *= 10 }
            let scaled = Int((value.magnitude * Double(scale)).rounded())
            let sign = value < 0 && scaled != 0 ? "-" : ""
            let whole = String(scaled / scale)
            return decimals == 0 ? sign + whole : sign + whole + "." + String(repeating: "0", count: decimals - String(scaled % scale).count) + String(scaled % scale)
        }
        var values: [Double] = [0, -0.0, 0.5, -0.5, 0.004, -0.004, 0.005, 99.995, 99.9949, 100, 1e12, -1e12, 123_456.789]
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append((Double(state >> 11) / Double(1 << 53) - 0.3) * pow(10, Double(state % 9)))
        }
        for value in values {
            for decimals in 0...4 {
                #expect(DecimalText.fixed(value, decimals: decimals) == reference(value, decimals), "\(value) \(decimals)")
            }
        }
        #expect(DecimalText.fixed(99.5, decimals: 2) == "99.50" && DecimalText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(DecimalText.fixed(.infinity, decimals: 1) == "inf" && DecimalText.fixed(.nan, decimals: 1) == "nan")
    }

    @Test func timestampsWrittenByteByByteMatchTheFieldByFieldFormat() {
        var instants: [Int64] = [0, -1, 59, 86_399, 86_400, 951_782_400, 1_795_132_800, 253_402_300_799, -62_135_596_800]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(Int64(bitPattern: state >> 1) % 253_402_300_799)
        }
        for seconds in instants {
            let civil = CivilTime(unixSeconds: seconds)
            let general = "\(civil.date(separator: "-"))T\(civil.clock(separator: ":"))"
            #expect(civil.iso(milliseconds: nil) == general + "Z", "\(seconds)")
            #expect(civil.iso(milliseconds: 7) == general + ".007Z", "\(seconds)")
        }
        #expect(Timestamp.json(Date(timeIntervalSince1970: 1_795_132_800.25)) == "2026-11-20T00:00:00.250Z")
        #expect(Timestamp.seconds(Date(timeIntervalSince1970: 1_795_132_800.25)) == "2026-11-20T00:00:00Z")
        // Outside 0...9999 the general format answers.
        #expect(CivilTime(unixSeconds: 253_402_300_800).iso(milliseconds: nil) == nil)
        #expect(Timestamp.seconds(Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01T00:00:00Z")
    }
}
