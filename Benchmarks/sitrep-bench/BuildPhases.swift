import Foundation
import SitrepKit

/// build-phases DIR NOW [ROUNDS]: the stages of `sitrep build` timed one by one (no publishing), to see where a
/// build spends its time. With several rounds each stage prints its median and its fastest time: on a machine
/// whose speed drifts, comparing two binaries by a single round says little.
func buildPhases(_ arguments: [String]) throws {
    guard arguments.count >= 2, let now = Timestamp.parse(arguments[1]) else {
        print("usage: sitrep-bench build-phases DIR NOW [ROUNDS]")
        exit(64)
    }
    let rounds = max(1, arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1)
    let configURL = URL(fileURLWithPath: arguments[0]).appendingPathComponent("sitrep.yml")
    var times: [(stage: String, ms: [Double])] = []
    func timed(_ stage: String, _ body: () throws -> Void) rethrows {
        let ms = try measureMs(body)
        if let index = times.firstIndex(where: { $0.stage == stage }) { times[index].ms.append(ms) } else { times.append((stage, [ms])) }
    }
    var sizes = ""
    for _ in 0..<rounds {
        var config: SiteConfig?
        try timed("config") { config = try ConfigLoader.load(from: configURL) }
        guard let config else { return }
        var content = SiteContent()
        var markdown = RenderedMarkdown.none
        try timed("content") {
            content = try SiteValidator.loadContent(config: config)
            markdown = RenderedMarkdown.of(content)
        }
        var templates: TemplateSet?
        try timed("templates") { templates = try TemplateSet(theme: config.paths.theme, language: config.site.language) }
        guard let templates else { return }
        var snapshot = StoreSnapshot.empty(now: now, days: 91)
        try timed("snapshot") {
            snapshot = try ResultStore.openForReading(at: config.paths.database)?.snapshot(now: now, days: 91) ?? snapshot
        }
        var model: SiteModel?
        timed("model") {
            model = SiteModelBuilder.build(config: config, snapshot: snapshot, content: content, now: now, markdown: markdown)
        }
        guard let model else { return }
        var html: [String: Data] = [:]
        try timed("html") { html = try HTMLRenderer(templates: templates).render(model) }
        var outputs: [String: Data] = [:]
        timed("outputs") { outputs = MachineOutputs(strings: templates.strings).render(model) }
        let bytes = html.values.reduce(0) { $0 + $1.count } + outputs.values.reduce(0) { $0 + $1.count }
        sizes = "files: \(html.count) pages, \(outputs.count) documents, \(bytes) bytes"
    }
    for (stage, ms) in times {
        let label = (stage + ":").padding(toLength: 11, withPad: " ", startingAt: 0)
        print(rounds == 1 ? "\(label)\(format(ms[0]))" : "\(label)median \(format(median(ms)))   fastest \(format(ms.min() ?? .nan))")
    }
    print(sizes)
}
