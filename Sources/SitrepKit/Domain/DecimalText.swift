/// Locale-independent number text without `String(format:)`, which goes through Foundation's formatter and
/// showed up in build profiles: zero-padded integers and fixed-point decimals.
enum DecimalText {
    /// `7` with width 3 → `007`; negative numbers keep their sign in front.
    /// Written digit by digit into the string's own storage: times and dates call this millions of times in a
    /// large build, and building it from three small strings cost more than the rest of their formatting.
    static func padded(_ value: Int, width: Int) -> String {
        let magnitude = value.magnitude
        let digits = max(width, digitCount(of: magnitude))
        let length = digits + (value < 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: length) { buffer in
            if value < 0 { buffer[0] = UInt8(ascii: "-") }
            writeDigits(magnitude, count: digits, into: buffer, at: length - digits)
            return length
        }
    }

    /// Appends `value`'s decimal digits to `bytes`.
    static func append(_ value: UInt, to bytes: inout [UInt8]) {
        appendPadded(value, width: 1, to: &bytes)
    }

    /// Appends `value`'s decimal digits to `bytes`, zero-padded on the left to `width`.
    /// Digit by digit from the most significant: appending a run of zeros and overwriting it cost more than
    /// the digits themselves (JSON integers and page times come through here by the million).
    static func appendPadded(_ value: UInt, width: Int, to bytes: inout [UInt8]) {
        let digits = digitCount(of: value)
        for _ in digits..<max(width, digits) { bytes.append(UInt8(ascii: "0")) }
        var divisor: UInt = 1
        for _ in 1..<digits { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// How many decimal digits `value` has (1 for 0).
    static func digitCount(of value: UInt) -> Int {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
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
    /// Written byte by byte like `padded`: uptimes and latencies call this hundreds of thousands of times.
    /// A value too large for that (or not finite) gets Swift's own description instead.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale: UInt = 1
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        let scaledValue = (value.magnitude * Double(scale)).rounded()
        guard scaledValue.isFinite, scaledValue < 1e18 else { return String(value) }
        let scaled = UInt(scaledValue)
        let negative = value < 0 && scaled != 0
        let whole = scaled / scale
        let wholeDigits = digitCount(of: whole)
        let fraction = decimals > 0 ? 1 + decimals : 0
        let start = negative ? 1 : 0
        let length = start + wholeDigits + fraction
        return String(unsafeUninitializedCapacity: length) { buffer in
            if negative { buffer[0] = UInt8(ascii: "-") }
            writeDigits(whole, count: wholeDigits, into: buffer, at: start)
            if fraction > 0 {
                buffer[start + wholeDigits] = UInt8(ascii: ".")
                writeDigits(scaled % scale, count: decimals, into: buffer, at: start + wholeDigits + 1)
            }
            return length
        }
    }
}
