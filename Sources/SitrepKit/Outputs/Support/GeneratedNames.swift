/// The names at the top of the output folder that sitrep's own pages and documents use. Files copied in as
/// they are (the static folder, the theme's assets) may use any other name; one of these would silently replace
/// a generated output or be replaced by it. `GeneratedNamesTests` holds this list to what a build writes.
enum GeneratedNames {
    static let topLevel: Set<String> = [
        "index.html", "history.html", "subscribe.html", "style.css", "history", "history.rss", "history.atom", "maintenance.ics",
        "components", "incidents", "maintenance", "api", "badges",
    ]

    /// Whether `path` (relative, `/`-separated) is, or lies below, a generated output.
    static func isGenerated(_ path: String) -> Bool {
        let first = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? path
        return topLevel.contains(first)
    }
}
