/// Locale-independent number text without `String(format:)`, which goes through Foundation's formatter and
/// showed up in build profiles: zero-padded integers and fixed-point decimals.
enum DecimalText {
    /// `7` with width 3 → `007`; negative numbers keep their sign in front.
    /// Written digit by digit into the string's own storage: times and dates call this millions of times in a
    /// large build, and building it from three small strings cost more than the rest of their formatting.
    static func padded(_ value: Int, width: Int) -> String {
        let magnitude = value.magnitude
        var digitCount = 1
        var rest = magnitude / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let digits = max(width, digitCount)
        let length = digits + (value < 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: length) { buffer in
            if value < 0 { buffer[0] = UInt8(ascii: "-") }
            writeDigits(magnitude, count: digits, into: buffer, at: length - digits)
            return length
        }
    }

    /// Writes `value` as exactly `count` decimal digits, zero-padded on the left, into `bytes` from `start`
    /// (the caller makes `count` wide enough for the value).
    static func writeDigits(_ value: UInt, count: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var remaining = value
        for index in stride(from: start + count - 1, through: start, by: -1) {
            bytes[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    /// `value` rounded to `decimals` places (half away from zero), always with that many places: `99.50`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value.magnitude * Double(scale)).rounded())
        let whole = String(scaled / scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        return sign + whole + "." + padded(scaled % scale, width: decimals)
    }
}
