/// Plain-text tables for terminal summaries: left-aligned columns separated by two spaces.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return all.map { row in
            row.indices.map { column in
                // Padded by hand: Foundation's `padding(toLength:)` goes through NSString, a tenth of the CPU of
                // `sitrep probe`'s own work for 1,000 rows.
                column == row.count - 1 ? row[column] : row[column] + String(repeating: " ", count: max(0, widths[column] - row[column].count))
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        .joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
