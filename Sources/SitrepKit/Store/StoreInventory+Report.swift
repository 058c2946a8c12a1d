import Foundation

extension StoreInventory {
    /// The readable report `sitrep db` prints: the file, its pages, the span of its data, the last run, then one
    /// line per table. Sizes in decimal units (1 KB = 1,000 bytes); times in UTC.
    public var report: String {
        var lines: [String] = []
        lines.append("\(path): \(Self.bytes(totalBytes)) on disk (database \(Self.bytes(fileBytes)), "
            + "write-ahead log \(Self.bytes(walBytes)))")
        lines.append("Pages: \(pageCount) of \(pageSize) bytes, \(freePages) free; auto_vacuum \(autoVacuum); "
            + "revision \(revision.map(String.init) ?? "not counted")")
        if let oldest, let newest {
            lines.append("Data: \(Timestamp.seconds(oldest)) to \(Timestamp.seconds(newest))")
        } else {
            lines.append("Data: none")
        }
        if let lastRun {
            lines.append("Last run: \(Timestamp.seconds(lastRun.startedAt)) from \(lastRun.location), "
                + "\(DecimalText.fixed(lastRun.durationMs / 1000, decimals: 1)) s: \(lastRun.up) up, "
                + "\(lastRun.degraded) degraded, \(lastRun.down) down")
        } else {
            lines.append("Last run: none")
        }
        if let fullCheckAt {
            lines.append("Full check: \(Timestamp.seconds(fullCheckAt)), the file unchanged since; the next probe checks its schema only")
        } else {
            lines.append("Full check: the next probe reads the whole file (quick_check) before it writes")
        }
        lines.append("")
        let header = ["table", "holds", "rows", "bytes", "oldest", "newest"]
        let rows = tables.map { table in
            [table.name, table.kind ?? "-", String(table.rows), table.bytes.map(Self.bytes) ?? "-",
             table.oldest.map(Timestamp.seconds) ?? "-", table.newest.map(Timestamp.seconds) ?? "-"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        // Names and descriptions to the left, numbers to the right, times to the left.
        let rightAligned: Set<Int> = [2, 3]
        for row in [header] + rows {
            let cells = row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The machine-readable form (`sitrep db --json`); its fields are documented in the README.
    public var json: String {
        var document: JSONMembers = [
            "path": .string(path),
            "file_bytes": .int(fileBytes),
            "wal_bytes": .int(walBytes),
            "total_bytes": .int(totalBytes),
            "page_size": .int(pageSize),
            "page_count": .int(pageCount),
            "free_pages": .int(freePages),
            "auto_vacuum": .string(autoVacuum),
            "migrations": .array(migrations.map { .string($0) }),
            "revision": revision.map { .int(Int($0)) } ?? .null,
            "oldest": .time(oldest),
            "newest": .time(newest),
            "full_check_at": .time(fullCheckAt),
        ]
        document["last_run"] = lastRun.map { run in
            .object([
                "started_at": .time(run.startedAt),
                "duration_ms": .number(run.durationMs, decimals: 1),
                "location": .string(run.location),
                "up": .int(run.up),
                "degraded": .int(run.degraded),
                "down": .int(run.down),
            ])
        } ?? .null
        document["tables"] = .array(tables.map { table in
            .object([
                "name": .string(table.name),
                "kind": .string(table.kind),
                "rows": .int(table.rows),
                "bytes": table.bytes.map { .int($0) } ?? .null,
                "oldest": .time(table.oldest),
                "newest": .time(table.newest),
            ])
        })
        return JSONValue.object(document).serialized()
    }

    /// `512 B`, `4.1 KB`, `166.0 MB`, `1.7 GB`.
    static func bytes(_ count: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard count >= 1_000 else { return "\(count) B" }
        var value = Double(count) / 1_000
        var unit = 0
        while value >= 1_000, unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        return "\(DecimalText.fixed(value, decimals: 1)) \(units[unit])"
    }
}
