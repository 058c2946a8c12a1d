import Foundation
import SitrepKit

/// make-content-site DIR [SHAPE] [SPACING_S] [BYTES]: a site whose content is as expensive as the limits allow — 1,000
/// incident files, each filled to just under `ContentLoader.maximumFileBytes` with text that passes every
/// `MarkdownLimits` limit, 20 components, no database. Shapes (what fills the file):
///
/// - `mixed` (default): a dozen updates with multi-paragraph messages, then a postmortem body with headings,
///   inline markup up to the file's markup budget, a table of as many cells as the limit allows, a nested list, and prose to the limit.
/// - `prose`: four short updates and a body of plain paragraphs (no markup at all).
/// - `updates`: most of the file is update messages (YAML block scalars), a short body.
///
/// Incidents start `SPACING_S` seconds apart, newest first, ending at `BuildSiteGenerator.now` (default 63,000 s
/// as in the build benchmark: two years, about 120 in the 90-day feeds; 0 puts every one of them in the feeds).
/// BYTES (default the limit) is the size each file is filled to. Deterministic: the same folder comes out every time.
enum MaximalContentGenerator {
    static let incidents = 1_000
    static let components = 20

    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            print("usage: sitrep-bench make-content-site DIR [mixed|prose|updates] [SPACING_S] [BYTES]")
            exit(64)
        }
        let shape = arguments.count > 1 ? arguments[1] : "mixed"
        guard ["mixed", "prose", "updates"].contains(shape) else {
            print("make-content-site: unknown shape '\(shape)' (mixed, prose or updates)")
            exit(64)
        }
        let spacing = arguments.count > 2 ? Double(arguments[2]) ?? 63_000 : 63_000
        let bytes = arguments.count > 3 ? Int(arguments[3]) ?? ContentLoader.maximumFileBytes : ContentLoader.maximumFileBytes
        let root = URL(fileURLWithPath: path)
        let folder = root.appendingPathComponent("content/incidents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(config().utf8).write(to: root.appendingPathComponent("sitrep.yml"))
        var total = 0
        for index in 0..<incidents {
            let start = BuildSiteGenerator.now.addingTimeInterval(-Double(index) * spacing - 86_400)
            let text = file(index, shape: shape, start: start, bytes: bytes)
            total += text.utf8.count
            try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "incident-%04d.md", index)))
        }
        print("make-content-site: \(incidents) \(shape) incident files, \(total) bytes (limit \(ContentLoader.maximumFileBytes) each)")
    }

    static func config() -> String {
        var lines = [
            "site:", "  title: Content Bench", "  url: https://status.content.example", "  timezone: Europe/Berlin",
            "  history_days: 90", "  refresh_seconds: 60", "paths:", "  database: data/sitrep.sqlite",
            "probe:", "  timeout_ms: 2000", "components:",
        ]
        for index in 0..<components {
            lines += ["  - id: svc-\(index)", "    name: Service \(index)", "    checks:",
                      "      - {id: http, type: http, url: \"https://svc-\(index).content.example/health\"}"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain sentences (no markup characters, few `w`): varied so that no two paragraphs are alike.
    static func sentence(_ seed: Int) -> String {
        let subjects = ["The primary database", "A cache node in the second zone", "The edge proxy fleet", "Our billing queue",
                        "The search cluster", "A certificate renewal job", "The message broker", "The login service"]
        let verbs = ["rejected connections", "slowed down under load", "returned errors for some requests",
                     "lost its leader election", "ran out of file descriptors", "served stale data", "dropped into read only mode"]
        let tails = ["after the deploy of the new release", "because a retry storm filled its queues",
                     "until the operators rolled the change back", "while the failover completed in the other region",
                     "for about eleven minutes in total", "and the alerts fired as designed"]
        return "\(subjects[seed % subjects.count]) \(verbs[(seed / 8) % verbs.count]) \(tails[(seed / 56) % tails.count]) (case \(seed))."
    }

    static func prose(bytes: Int, seed: Int) -> String {
        var text = ""
        var index = seed
        while text.utf8.count < bytes {
            text += (text.isEmpty ? "" : " ") + sentence(index)
            index += 1
        }
        return text
    }

    /// One message of several paragraphs as a YAML block scalar, indented under `message: |`.
    static func message(bytes: Int, seed: Int, markup: Bool) -> String {
        var paragraphs: [String] = []
        var written = 0
        var part = 0
        while written < bytes {
            var paragraph = prose(bytes: min(360, bytes - written), seed: seed + part * 5)
            if markup { paragraph = "We saw **\(part) timeouts** on `svc-\(part)`. " + paragraph }
            paragraphs.append(paragraph)
            written += paragraph.utf8.count
            part += 1
        }
        return paragraphs.map { "      " + $0 }.joined(separator: "\n\n")
    }

    static func file(_ index: Int, shape: String, start: Date, bytes: Int) -> String {
        let statuses = ["investigating", "identified", "monitoring", "resolved"]
        let updateCount = shape == "updates" ? 34 * bytes / 32_768 : shape == "mixed" ? 12 * bytes / 32_768 : 4
        let messageBytes = shape == "updates" ? 700 : shape == "mixed" ? 700 : 120
        var updates: [String] = []
        for step in (0..<updateCount).reversed() {
            let status = step == updateCount - 1 ? "resolved" : statuses[min(2, step * 3 / updateCount)]
            updates.append("""
              - at: \(Timestamp.json(start.addingTimeInterval(Double(step) * 600)))
                status: \(status)
                message: |
            \(message(bytes: messageBytes, seed: index * 31 + step, markup: shape != "prose"))
            """)
        }
        let affected = (0..<4).map { "svc-\((index + $0 * 5) % components)" }
        var text = """
        ---
        title: Incident \(index) on \(affected[0]) with a long descriptive title for the history page
        impact: \(["minor", "major", "critical"][index % 3])
        components: [\(affected.joined(separator: ", "))]
        root_cause: \(sentence(index))
        updates:
        \(updates.joined(separator: "\n"))
        ---

        """
        if shape == "mixed" { text += postmortem(index, items: 30 * bytes / 32_768) }
        // Prose to the limit, in paragraphs of about 700 bytes.
        let limit = bytes - 2
        var seed = index * 97
        while text.utf8.count < limit - 80 {
            let room = limit - text.utf8.count - 2
            let paragraph = prose(bytes: min(700, room - 60), seed: seed)
            guard text.utf8.count + paragraph.utf8.count + 2 <= limit else { break }
            text += "\n" + paragraph + "\n"
            seed += 13
        }
        return text
    }

    /// The markup-heavy part of a body: headings, emphasis, code spans, links, a 4-column table of short cells filling
    /// `MarkdownLimits.maximumTableCells` (the most cells for the bytes; rows without outer pipes, as each `|` counts
    /// as a column) and a nested list, kept under the file's 1,280 markup characters.
    static func postmortem(_ index: Int, items: Int) -> String {
        var lines = ["## Postmortem", "", "### Timeline", "", "Time | Service | Event | Action", "---|---|---|---"]
        for row in 0..<(MarkdownLimits.maximumTableCells / 4 - 2) {
            lines.append("09:\(row % 60)|s\(row % 20)|e\(row % 7)|p\(row)")
        }
        lines += ["", "### What went wrong", ""]
        for item in 0..<items {
            lines.append("- Step \(item) of the rollout: **\(item) hosts** reported `HTTP 503`, see [run \(item)](https://ci.content.example/runs/\(index)/\(item))")
            if item % 4 == 0 { lines.append("  - nested detail \(item) with _emphasis_ and ~~a struck out guess~~") }
        }
        lines += ["", "### Follow-ups", ""]
        for item in 0..<items {
            lines.append("1. [ ] Ticket \(item): add an alert on *queue depth* and a `canary` for the \(item) shard")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
