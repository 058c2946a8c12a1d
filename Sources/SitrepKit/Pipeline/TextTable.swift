/// Plain-text tables for terminal summaries: left-aligned columns separated by two spaces.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        // The last column is never padded, so its width is never needed: it holds the long error messages.
        let widths = header.indices.map { column in
            column == header.count - 1 ? 0 : all.map { column < $0.count ? width(of: $0[column]) : 0 }.max() ?? 0
        }
        // Built as bytes: `sitrep probe` prints one row per check (1,000 rows took 17.8 million instructions
        // through String padding and Character counts).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(all.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count + 2 } + 1 } + all.count * widths.reduce(0, +))
        for (index, row) in all.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\n")) }
            let lineStart = bytes.count
            for column in row.indices {
                if column > 0 { bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
                bytes.append(contentsOf: row[column].utf8)
                if column < row.count - 1, column < widths.count {
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, widths[column] - width(of: row[column]))))
                }
            }
            while bytes.count > lineStart, bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The columns a cell takes: its bytes when it is ASCII (ids, statuses, numbers: nearly every cell), else its
    /// characters.
    static func width(of cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }
}
