import Foundation

/// What checking the content and templates needs from a config that has problems: where they are, which
/// component ids exist and the time zone, each only as far as the config could be read. `sitrep check` uses it
/// so that a config error never hides the problems of the content and templates, and never invents any: a
/// folder or a component list that could not be read is left unchecked rather than guessed.
struct ConfigOutline {
    /// The content folder (the default `content/` beside the config when `paths` does not say otherwise), nil
    /// when `paths.content` could not be read.
    var content: URL?
    /// The templates folder, nil when `paths.templates` could not be read, or when the config is not YAML and
    /// the default folder does not exist (it may not be the one the config names).
    var templates: URL?
    /// Every component id, nil unless the whole `components` list could be read.
    var components: Set<String>?
    var timeZone: TimeZone

    static func read(from configFile: URL) -> ConfigOutline {
        let base = configFile.deletingLastPathComponent()
        let defaultTemplates = base.appendingPathComponent("templates").standardizedFileURL
        var outline = ConfigOutline(
            content: base.appendingPathComponent("content").standardizedFileURL,
            templates: FileManager.default.fileExists(atPath: defaultTemplates.path) ? defaultTemplates : nil,
            components: nil, timeZone: TimeZone(identifier: "UTC") ?? .gmt)
        let scratch = DiagnosticCollector(path: "")
        guard let data = FileManager.default.contents(atPath: configFile.path), case .success(let text) = UTF8Text.decode(data),
              let root = YAMLDocument.parse(text, into: scratch), case .mapping = root else { return outline }
        outline.templates = defaultTemplates
        func resolve(_ path: String) -> URL { ConfigDecoder.resolve(path, against: base) }
        if let paths = root["paths"] {
            if case .mapping = paths {
                if let content = paths["content"] {
                    outline.content = content.scalarText.map(resolve)
                }
                if let templates = paths["templates"] { outline.templates = templates.scalarText.map(resolve) }
            } else {
                outline.content = nil
                outline.templates = nil
            }
        }
        if let zone = root["site"]?["timezone"]?.scalarText.flatMap(TimeZone.init(identifier:)) {
            outline.timeZone = zone
        }
        if case .sequence(let items) = root["components"] {
            let ids = items.map { item -> String? in item["id"]?.scalarText }
            if ids.allSatisfy({ $0 != nil }) { outline.components = Set(ids.compactMap { $0 }) }
        }
        return outline
    }
}
