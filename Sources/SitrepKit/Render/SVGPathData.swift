/// The `d` attribute of an SVG path, written as bytes: `M56 208 L60.5 120 … Z`, each coordinate as
/// `NumberFormat.coordinate` prints it. Response-time charts and sparklines draw a quarter of a million points
/// on a large site, and building each point from interpolated strings was most of the component pages' own work.
struct SVGPathData {
    private var bytes: [UInt8] = []

    /// Starts a subpath at (x, y): `M` without a separator at the start, ` M` after earlier commands.
    mutating func move(_ x: Double, _ y: Double) {
        command(UInt8(ascii: "M"), x, y)
    }

    /// A straight line to (x, y): ` L` (`L` at the start).
    mutating func line(_ x: Double, _ y: Double) {
        command(UInt8(ascii: "L"), x, y)
    }

    /// Closes the subpath: ` Z`.
    mutating func close() {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
        bytes.append(UInt8(ascii: "Z"))
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func command(_ letter: UInt8, _ x: Double, _ y: Double) {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
        bytes.append(letter)
        NumberFormat.appendCoordinate(x, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        NumberFormat.appendCoordinate(y, to: &bytes)
    }
}
