/// Locale-independent number text without `String(format:)`, which goes through Foundation's formatter and
/// showed up in build profiles: zero-padded integers and fixed-point decimals.
enum DecimalText {
    /// `7` with width 3 → `007`; negative numbers keep their sign in front.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
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
