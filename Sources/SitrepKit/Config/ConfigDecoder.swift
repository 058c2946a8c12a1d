import Foundation

/// Walks the YAML tree of `sitrep.yml`, applying defaults and reporting every problem to the collector.
struct ConfigDecoder {
    let collector: DiagnosticCollector
    let baseDirectory: URL
    var expander: EnvironmentExpander
    /// `${VAR}` references whose variable is not set, each as the sentence a command that probes refuses with.
    /// Their values stay as written: only probing needs them.
    var unsetVariables: [Diagnostic] = []
    /// true while a flow step's fields are read: `${steps.…}` is then kept for the flow to fill in.
    var readingFlowStep = false

    mutating func decode(_ root: inout YAMLMapReader, configFile: URL) -> SiteConfig? {
        var pathsReader = root.map("paths")
        let paths = decodePaths(&pathsReader)
        pathsReader?.finish()

        var site: SiteSettings?
        if var siteReader = root.map("site", required: true) {
            site = decodeSite(&siteReader, paths: paths)
            siteReader.finish()
        }

        var probeReader = root.map("probe")
        let probe = decodeProbe(&probeReader)
        probeReader?.finish()

        var retentionReader = root.map("retention")
        let retention = decodeRetention(&retentionReader, historyDays: site?.historyDays ?? 90)
        retentionReader?.finish()

        var uptimeReader = root.map("uptime")
        let weights = decodeUptime(&uptimeReader)
        uptimeReader?.finish()

        let groups = decodeGroups(root.list("groups") ?? [])
        let components = decodeComponents(root.list("components") ?? [], groups: groups, probe: probe)

        var notificationsReader = root.map("notifications")
        let notifications = decodeNotifications(&notificationsReader, components: components)
        notificationsReader?.finish()

        guard var site else { return nil }
        site.signupURL = notifications.signupURL
        return SiteConfig(
            configFile: configFile, site: site, paths: paths, probe: probe, retention: retention,
            uptime: weights, groups: groups, components: components, secrets: expander.redactor,
            unsetVariables: unsetVariables, notifications: notifications
        )
    }

    // MARK: - Sections

    private func decodeSite(_ reader: inout YAMLMapReader, paths: PathSettings) -> SiteSettings? {
        let staticFolder = paths.staticFolder
        let title = reader.string("title", required: true)
        let url = reader.string("url", required: true)
        let description = reader.string("description")
        var timezone = TimeZone(identifier: "UTC") ?? .gmt
        var timezoneName = "UTC"
        if let name = reader.string("timezone") {
            if let zone = SiteTimeZone.named(name) {
                timezone = zone
                timezoneName = name
            } else {
                reader.report("'site.timezone' must be an IANA time zone name such as Europe/Berlin or UTC, not '\(name)'",
                              at: reader.valueNode("timezone"))
            }
        }
        let historyDays = reader.int("history_days", range: 1...3650) ?? 90
        let refresh = reader.int("refresh_seconds", range: 0...86_400) ?? 60
        if let url, let problem = SiteURL.problem(url) {
            reader.report("'site.url' \(problem), not '\(url)'", at: reader.valueNode("url"))
        }
        let (lang, language) = decodeLanguage(&reader, theme: paths.theme)
        let branding = decodeBranding(&reader, staticFolder: staticFolder)
        guard let title, let url else { return nil }
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        return SiteSettings(title: title, url: base, description: description, timezone: timezone,
                            timezoneName: timezoneName, historyDays: historyDays, refreshSeconds: refresh,
                            lang: lang, language: language, branding: branding)
    }

    private func decodePaths(_ reader: inout YAMLMapReader?) -> PathSettings {
        func path(_ key: String, _ fallback: String) -> URL {
            let value = reader?.string(key) ?? fallback
            return resolve(value)
        }
        let paths = PathSettings(
            database: path("database", "data/sitrep.sqlite"), content: path("content", "content"),
            templates: path("templates", "templates"), output: path("output", "site"), staticFolder: path("static", "static"),
            defaultTheme: DefaultTheme.locate(environment: expander.environment)
        )
        var locations: [String: SourceLocation] = [:]
        for key in ["database", "content", "templates", "output", "static"] {
            if let reader, let node = reader.valueNode(key) { locations[key] = reader.location(of: node) }
        }
        PathRules.check(paths, configFolder: baseDirectory, locations: locations,
                        fallback: reader?.location ?? SourceLocation(line: 1, column: 1), collector: collector)
        return paths
    }

    private func decodeProbe(_ reader: inout YAMLMapReader?) -> ProbeSettings {
        ProbeSettings(
            timeoutMs: reader?.int("timeout_ms", range: 1...600_000) ?? 10_000,
            concurrency: reader?.int("concurrency", range: 1...4096) ?? 64,
            retries: reader?.int("retries", range: 0...10) ?? 1,
            staleAfterS: reader?.int("stale_after_s", range: 1...31_536_000) ?? 900,
            quorum: reader?.int("quorum", range: 1...1000)
        )
    }

    private func decodeUptime(_ reader: inout YAMLMapReader?) -> UptimeWeights {
        var weights = UptimeWeights()
        guard var map = reader?.map("weights") else { return weights }
        weights.majorOutage = map.double("major_outage", range: 0...1) ?? weights.majorOutage
        weights.partialOutage = map.double("partial_outage", range: 0...1) ?? weights.partialOutage
        weights.degradedPerformance = map.double("degraded_performance", range: 0...1) ?? weights.degradedPerformance
        map.finish()
        return weights
    }

    private func decodeGroups(_ nodes: [YAMLNode]) -> [GroupConfig] {
        var groups: [GroupConfig] = []
        for (index, node) in nodes.enumerated() {
            guard var reader = YAMLMapReader(node, keyPath: "groups[\(index)]", collector: collector) else { continue }
            let id = checkedID(&reader, key: "id", required: true, what: "group")
            let name = reader.string("name", required: true)
            reader.finish()
            guard let id, let name else { continue }
            if groups.contains(where: { $0.id == id }) {
                reader.report("duplicate group id '\(id)'", at: reader.valueNode("id"))
                continue
            }
            groups.append(GroupConfig(id: id, name: name))
        }
        return groups
    }

    private mutating func decodeComponents(_ nodes: [YAMLNode], groups: [GroupConfig], probe: ProbeSettings) -> [ComponentConfig] {
        var components: [ComponentConfig] = []
        var seen: Set<String> = []
        for (index, node) in nodes.enumerated() {
            guard var reader = YAMLMapReader(node, keyPath: "components[\(index)]", collector: collector) else { continue }
            let id = checkedID(&reader, key: "id", required: true, what: "component")
            let name = reader.string("name", required: true)
            let group = reader.string("group")
            if let group, !groups.contains(where: { $0.id == group }) {
                reader.report("'\(reader.path("group"))' refers to unknown group '\(group)'", at: reader.valueNode("group"))
            }
            let description = reader.string("description")
            let checkNodes = reader.list("checks") ?? []
            var checks: [CheckConfig] = []
            if let id {
                if !seen.insert(id).inserted {
                    reader.report("duplicate component id '\(id)'", at: reader.valueNode("id"))
                }
                for (checkIndex, checkNode) in checkNodes.enumerated() {
                    let keyPath = "\(reader.path("checks"))[\(checkIndex)]"
                    guard var checkReader = YAMLMapReader(checkNode, keyPath: keyPath, collector: collector) else { continue }
                    if let check = decodeCheck(&checkReader, componentID: id, probe: probe) {
                        if checks.contains(where: { $0.id == check.id }) {
                            checkReader.report("duplicate check id '\(check.id)' in component '\(id)'",
                                               at: checkReader.valueNode("id") ?? checkNode)
                        } else {
                            checks.append(check)
                        }
                    }
                    checkReader.finish()
                }
            }
            reader.finish()
            guard let id, let name else { continue }
            components.append(ComponentConfig(id: id, name: name, group: group, description: description, checks: checks))
        }
        return components
    }

    // MARK: - Checks

    private mutating func decodeCheck(_ reader: inout YAMLMapReader, componentID: String, probe: ProbeSettings) -> CheckConfig? {
        guard let type = reader.enumValue("type", CheckType.self, required: true) else {
            markAllKnown(&reader)
            return nil
        }
        let id = checkedID(&reader, key: "id", required: false, what: "check") ?? type.rawValue
        let timeout = reader.int("timeout_ms", range: 1...600_000) ?? probe.timeoutMs
        let isPublic = reader.bool("public") ?? false
        let target: CheckTarget?
        let display: String
        switch type {
        case .http:
            let raw = reader.string("url", required: true)
            display = MaskedURL.masked(raw ?? "")
            target = decodeHTTP(&reader, rawURL: raw).map(CheckTarget.http)
        case .flow:
            let flow = decodeFlow(&reader)
            display = flow.display
            target = flow.check.map(CheckTarget.flow)
        case .tcp, .postgres, .redis, .amqp, .smtp, .tls:
            (target, display) = decodeConnectionCheck(&reader, type: type)
        case .dns:
            let name = expanded(&reader, "name", required: true)
            let record = reader.enumValue("record", DNSRecordType.self) ?? .a
            display = "\(reader.rawString("name") ?? "") \(record.rawValue)"
            if let name { target = .dns(name: name, record: record) } else { target = nil }
        }
        guard let target else { return nil }
        return CheckConfig(componentID: componentID, id: id, target: target, timeoutMs: timeout,
                           isPublic: isPublic, displayTarget: display)
    }

    mutating func decodeHTTP(_ reader: inout YAMLMapReader, rawURL: String?) -> HTTPCheck? {
        var url: String?
        if let rawURL {
            url = expand(rawURL, key: reader.path("url"), at: reader.valueNode("url"), reader: reader)
            // A URL still holding an unset `${VAR}` is checked by the command that probes it (which refuses it).
            let unexpanded = url == rawURL && rawURL.containsUTF8Byte(UInt8(ascii: "$")) && rawURL.contains("${")
            if let value = url, !unexpanded, !Self.isAbsoluteWebURL(StepReference.substitute(placeholdersIn: value)) {
                reader.report("'\(reader.path("url"))' must be an absolute http:// or https:// URL", at: reader.valueNode("url"))
                url = nil
            }
        }
        let method = (reader.string("method") ?? "GET").uppercased()
        // ASCII letters only, checked on bytes (a `Character`'s `isLetter` costs hundreds of instructions).
        if method.isEmpty || !method.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) {
            reader.report("'\(reader.path("method"))' must be an HTTP method such as GET or POST", at: reader.valueNode("method"))
        }
        var headers: [HTTPHeader] = []
        if var headerReader = reader.map("headers") {
            for key in headerReader.keys {
                if let value = expanded(&headerReader, key, required: false) {
                    headers.append(HTTPHeader(name: key, value: value))
                }
            }
            headerReader.finish()
        }
        let body = expanded(&reader, "body", required: false)
        let follow = reader.bool("follow_redirects") ?? true
        let maxBody = reader.int("max_body_bytes", range: 1...1_073_741_824) ?? 1_048_576
        let caFile = readableCAFile(&reader)
        let insecure = reader.bool("insecure") ?? false
        var expect = HTTPExpectations()
        if var expectReader = reader.map("expect") {
            expect = decodeExpectations(&expectReader)
            expectReader.finish()
        }
        guard let url else { return nil }
        return HTTPCheck(url: url, method: method, headers: headers, body: body, followRedirects: follow,
                         maxBodyBytes: maxBody, caFile: caFile, insecure: insecure, expect: expect)
    }

    private mutating func decodeExpectations(_ reader: inout YAMLMapReader) -> HTTPExpectations {
        var expect = HTTPExpectations()
        if let node = reader.value("status") {
            let items: [YAMLNode]
            if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
            var codes: [Int] = []
            for item in items {
                if let text = item.scalarText, let code = Int(text), (100...599).contains(code) {
                    codes.append(code)
                } else {
                    reader.report("'\(reader.path("status"))' must be HTTP status codes between 100 and 599", at: item)
                }
            }
            expect.status = codes.isEmpty ? nil : codes
        }
        expect.bodyContains = expanded(&reader, "body_contains", required: false)
        expect.bodyNotContains = expanded(&reader, "body_not_contains", required: false)
        if let jsonNode = reader.value("json") {
            if case .mapping(let mapping) = jsonNode {
                for (key, value) in mapping {
                    guard let path = key.scalarText, !path.isEmpty else { continue }
                    switch decodeJSONEntry(value, path: path, keyPath: "\(reader.path("json")).\(path)", reader: reader) {
                    case .equality(let scalar): expect.json.append(JSONExpectation(path: path, expected: scalar))
                    case .condition(let condition): expect.conditions.append(condition)
                    case nil: break
                    }
                }
            } else {
                reader.report("'\(reader.path("json"))' must map dotted paths to expected values", at: jsonNode)
            }
        }
        if let headersNode = reader.value("headers") {
            expect.conditions += decodeHeaderConditions(headersNode, keyPath: reader.path("headers"), reader: reader)
        }
        if let timeNode = reader.value("response_ms"),
           let condition = decodeResponseTimeCondition(timeNode, keyPath: reader.path("response_ms"), reader: reader) {
            expect.conditions.append(condition)
        }
        expect.maxResponseMs = reader.int("max_response_ms", range: 1...600_000)
        expect.certMinDays = reader.int("cert_min_days", range: 0...3650)
        return expect
    }

    static func jsonScalar(_ scalar: YAMLNode.Scalar) -> JSONScalar {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "null", "Null", "NULL", "~": return .null
        default: break
        }
        if let number = Double(text), text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" }) == true {
            return .number(number)
        }
        return .string(text)
    }

    // MARK: - Helpers

    /// `ca_file`, resolved, when it names a readable file.
    func readableCAFile(_ reader: inout YAMLMapReader) -> URL? {
        guard let path = reader.string("ca_file") else { return nil }
        let resolved = resolve(path)
        guard FileManager.default.isReadableFile(atPath: resolved.path) else {
            reader.report("'\(reader.path("ca_file"))' names a file that cannot be read: \(path)", at: reader.valueNode("ca_file"))
            return nil
        }
        return resolved
    }

    func checkedID(_ reader: inout YAMLMapReader, key: String, required: Bool, what: String) -> String? {
        guard let id = reader.string(key, required: required) else { return nil }
        guard Slug.isValid(id) else {
            reader.report("'\(reader.path(key))' must use only a-z, 0-9 and '-' (it is used in URLs), not '\(id)'",
                          at: reader.valueNode(key))
            return nil
        }
        return id
    }

    /// A string value with `${VAR}` expanded.
    mutating func expanded(_ reader: inout YAMLMapReader, _ key: String, required: Bool) -> String? {
        guard let raw = reader.string(key, required: required) else { return nil }
        return expand(raw, key: reader.path(key), at: reader.valueNode(key), reader: reader)
    }

    /// `raw` with `${VAR}` expanded; the key path and node, for messages, are worked out only when one is needed.
    mutating func expand(_ raw: String, key: @autoclosure () -> String, at node: @autoclosure () -> YAMLNode?,
                         reader: YAMLMapReader) -> String? {
        switch expander.expand(raw, keepingStepReferences: readingFlowStep) {
        case .success(let value):
            return value
        case .failure(.unset(let name)):
            let location = node().map(reader.location(of:)) ?? SourceLocation(line: 1, column: 1)
            unsetVariables.append(Diagnostic(path: collector.path, line: location.line, column: location.column,
                                             message: "'\(key())' uses ${\(name)}, but the environment variable \(name) is not set"))
            return raw
        case .failure(.malformed):
            reader.report("'\(key())' has a malformed ${...} reference (write ${NAME}, or $$ for a literal $)", at: node())
        case .failure(.stepReference):
            reader.report("'\(key())' uses ${steps.…}, which only the steps of a flow check can use", at: node())
        }
        return nil
    }

    /// Marks every key as read so an unusable check reports only its real problem.
    private func markAllKnown(_ reader: inout YAMLMapReader) {
        for key in reader.keys { _ = reader.value(key) }
    }

    func resolve(_ path: String) -> URL {
        Self.resolve(path, against: baseDirectory)
    }

    /// A path from the config: absolute as written, else relative to the config file's folder.
    static func resolve(_ path: String, against baseDirectory: URL) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return baseDirectory.appendingPathComponent(path).standardizedFileURL
    }

    static func isAbsoluteWebURL(_ text: String) -> Bool {
        AbsoluteWebURL.isValid(text)
    }
}
