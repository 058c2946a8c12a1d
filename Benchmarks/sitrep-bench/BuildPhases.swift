import Foundation
import SitrepKit

/// build-phases DIR NOW: the stages of `sitrep build` timed one by one (no publishing), to see where a build
/// spends its time.
func buildPhases(_ arguments: [String]) throws {
    guard arguments.count >= 2, let now = Timestamp.parse(arguments[1]) else {
        print("usage: sitrep-bench build-phases DIR NOW")
        exit(64)
    }
    let configURL = URL(fileURLWithPath: arguments[0]).appendingPathComponent("sitrep.yml")
    var config: SiteConfig?
    print("config:   \(format(try measureMs { config = try ConfigLoader.load(from: configURL) }))")
    guard let config else { return }
    var content = SiteContent()
    print("content:  \(format(try measureMs { content = try SiteValidator.loadContent(config: config) }))")
    var templates: TemplateSet?
    print("templates: \(format(try measureMs { templates = try TemplateSet(directory: config.paths.templates) }))")
    guard let templates else { return }
    var snapshot = StoreSnapshot.empty(now: now, days: 91)
    print("snapshot: \(format(try measureMs { snapshot = try ResultStore.openForReading(at: config.paths.database)?.snapshot(now: now, days: 91) ?? snapshot }))")
    var model: SiteModel?
    print("model:    \(format(measureMs { model = SiteModelBuilder.build(config: config, snapshot: snapshot, content: content, now: now) }))")
    guard let model else { return }
    var html: [String: Data] = [:]
    print("html:     \(format(try measureMs { html = try HTMLRenderer(templates: templates).render(model) }))")
    var outputs: [String: Data] = [:]
    print("outputs:  \(format(measureMs { outputs = MachineOutputs().render(model) }))")
    print("files: \(html.count) pages, \(outputs.count) documents, \(html.values.reduce(0) { $0 + $1.count } + outputs.values.reduce(0) { $0 + $1.count }) bytes")
}
