/// Partials that would render forever: a template that includes itself, directly (`{{> partials/a}}` in
/// `partials/a`) or through other partials, and dynamic partials (`{{>*name}}`), whose template a page's data
/// would choose. swift-mustache renders such a loop until the stack overflows and the process dies, so the
/// theme is refused before anything is rendered: each tag on a loop is reported at its file and line.
enum PartialCycles {
    /// One parsed template: its name (`partials/bar`), its path as messages show it, and its tags.
    struct Source {
        let name: String
        let path: String
        let tags: [TemplateTag]
    }

    static func problems(in sources: [Source]) -> [Diagnostic] {
        let names = Set(sources.map(\.name))
        var diagnostics: [Diagnostic] = []
        var includes: [String: [(name: String, tag: TemplateTag)]] = [:]
        for source in sources {
            for tag in source.tags {
                guard let name = tag.partialName else { continue }
                if name.hasPrefix("*") {
                    diagnostics.append(Diagnostic(
                        path: source.path, line: tag.line, column: tag.column,
                        message: "dynamic partial '\(name)' is not supported: name the template to include, as in {{> partials/status}}"))
                } else if names.contains(name) {
                    includes[source.name, default: []].append((name, tag))
                }
            }
        }
        let targets = includes.mapValues { $0.map(\.name) }
        for source in sources {
            for (name, tag) in includes[source.name] ?? [] {
                guard let route = route(from: name, to: source.name, through: targets) else { continue }
                let loop = ([source.name] + route).joined(separator: " → ")
                let message = name == source.name
                    ? "template '\(name)' includes itself: it would render forever"
                    : "partial '\(name)' includes this template again (\(loop)): it would render forever"
                diagnostics.append(Diagnostic(path: source.path, line: tag.line, column: tag.column, message: message))
            }
        }
        return diagnostics
    }

    /// The templates from `start` to `goal` along includes (both ends included), shortest first; nil when
    /// `goal` cannot be reached.
    private static func route(from start: String, to goal: String, through targets: [String: [String]]) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [start], head = 0
        var seen: Set<String> = [start]
        while head < queue.count {
            let current = queue[head]
            head += 1
            if current == goal {
                var route = [current]
                while let before = previous[route[0]] { route.insert(before, at: 0) }
                return route
            }
            for next in targets[current] ?? [] where seen.insert(next).inserted {
                previous[next] = current
                queue.append(next)
            }
        }
        return nil
    }
}
