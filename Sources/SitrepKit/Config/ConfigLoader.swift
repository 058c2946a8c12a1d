import Foundation

/// Reads `sitrep.yml` into a validated `SiteConfig`, reporting every problem at once as
/// `path:line:column: message`.
public enum ConfigLoader {
    /// Loads the config or throws every problem found. A `${VAR}` whose variable is not set is a problem only
    /// when the command probes (`forProbing`): building, checking and writing incidents never use the values,
    /// so a pull request's job needs none of the probe's secrets.
    public static func load(
        from url: URL, environment: [String: String] = ProcessInfo.processInfo.environment, forProbing: Bool = true
    ) throws(DiagnosticsError) -> SiteConfig {
        let (config, diagnostics) = read(from: url, environment: environment)
        guard let config, diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        if forProbing, !config.unsetVariables.isEmpty { throw DiagnosticsError(config.unsetVariables) }
        return config
    }

    /// Reads the config and returns it (nil when it has problems) together with every problem found.
    public static func read(
        from url: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (SiteConfig?, [Diagnostic]) {
        let collector = DiagnosticCollector(path: DisplayPath.of(url))
        guard let data = FileManager.default.contents(atPath: url.path) else {
            collector.report("cannot read the config file (does it exist?)", line: 1, column: 1)
            return (nil, collector.diagnostics)
        }
        switch UTF8Text.decode(data) {
        case .success(let text):
            return parse(text, configFile: url, environment: environment, collector: collector)
        case .failure(let invalid):
            collector.report(invalid.message, at: invalid.location)
            return (nil, collector.diagnostics)
        }
    }

    /// Parses config text; `configFile` anchors relative paths.
    public static func parse(
        _ text: String, configFile: URL, environment: [String: String],
        collector: DiagnosticCollector
    ) -> (SiteConfig?, [Diagnostic]) {
        guard let root = YAMLDocument.parse(text, into: collector) else {
            if collector.isEmpty { collector.report("the config file is empty", line: 1, column: 1) }
            return (nil, collector.diagnostics)
        }
        guard var reader = YAMLMapReader(root, keyPath: "", collector: collector) else {
            return (nil, collector.diagnostics)
        }
        var decoder = ConfigDecoder(
            collector: collector, baseDirectory: configFile.deletingLastPathComponent(),
            expander: EnvironmentExpander(environment: environment)
        )
        let config = decoder.decode(&reader, configFile: configFile)
        reader.finish()
        let diagnostics = collector.diagnostics.sorted()
        return (diagnostics.isEmpty ? config : nil, diagnostics)
    }
}

/// How a file is named in messages: relative to the working directory when it is inside it.
public enum DisplayPath {
    public static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
