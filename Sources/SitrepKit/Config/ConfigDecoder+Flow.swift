import Foundation

/// `type: flow`: `steps`, each an http request with a `name`, its own `expect` and optional `capture`.
extension ConfigDecoder {
    /// The flow (nil after a problem was reported) and the target as the site may show it.
    mutating func decodeFlow(_ reader: inout YAMLMapReader) -> (check: FlowCheck?, display: String) {
        let nodes = reader.list("steps", required: true) ?? []
        if nodes.isEmpty, reader.valueNode("steps") != nil {
            reader.report("'\(reader.path("steps"))' must list at least one step", at: reader.valueNode("steps"))
        }
        var steps: [FlowStep] = []
        var names: Set<String> = []
        var displays: [String] = []
        var failed = false
        for (index, node) in nodes.enumerated() {
            let keyPath = "\(reader.path("steps"))[\(index)]"
            guard var stepReader = YAMLMapReader(node, keyPath: keyPath, collector: collector, lineOffset: reader.lineOffset) else {
                failed = true
                continue
            }
            let step = decodeStep(&stepReader, earlier: steps, names: &names)
            stepReader.finish()
            displays.append(MaskedURL.masked(stepReader.rawString("url") ?? ""))
            if let step { steps.append(step) } else { failed = true }
        }
        let display = displays.joined(separator: " → ")
        return (failed || steps.isEmpty ? nil : FlowCheck(steps: steps), display)
    }

    /// `names`: every step name seen so far in the flow, steps with problems included.
    private mutating func decodeStep(_ reader: inout YAMLMapReader, earlier: [FlowStep], names: inout Set<String>) -> FlowStep? {
        var name = checkedID(&reader, key: "name", required: true, what: "step")
        if let known = name, !names.insert(known).inserted {
            reader.report("duplicate step name '\(known)' in this flow", at: reader.valueNode("name"))
            name = nil
        }
        readingFlowStep = true
        let request = decodeHTTP(&reader, rawURL: reader.string("url", required: true))
        readingFlowStep = false
        let captures = decodeCaptures(&reader)
        guard let name, let request else { return nil }
        var unknown = false
        let texts = [("url", request.url), ("body", request.body ?? "")] + request.headers.map { ("headers", $0.value) }
        for (key, text) in texts {
            for reference in StepReference.all(in: text) {
                guard let source = earlier.first(where: { $0.name == reference.step }) else {
                    reader.report("'\(reader.path(key))' uses ${steps.\(reference.step)…}, but no earlier step of this flow is named '\(reference.step)'",
                                  at: reader.valueNode(key))
                    unknown = true
                    continue
                }
                if !source.captures.contains(where: { $0.name == reference.capture }) {
                    let known = source.captures.map(\.name).joined(separator: ", ")
                    reader.report("'\(reader.path(key))' uses ${steps.\(reference.step).\(reference.capture)}, but step '\(reference.step)' captures \(known.isEmpty ? "nothing" : "only " + known)",
                                  at: reader.valueNode(key))
                    unknown = true
                }
            }
        }
        return unknown ? nil : FlowStep(name: name, request: request, captures: captures)
    }

    private func decodeCaptures(_ reader: inout YAMLMapReader) -> [FlowCapture] {
        guard var map = reader.map("capture") else { return [] }
        var captures: [FlowCapture] = []
        for key in map.keys {
            guard let node = map.value(key) else { continue }
            let keyPath = map.path(key)
            guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }), !key.isEmpty else {
                map.report("'\(keyPath)': a capture name uses only letters, digits, '_' and '-'", at: node)
                continue
            }
            guard var sourceReader = YAMLMapReader(node, keyPath: keyPath, collector: collector, lineOffset: map.lineOffset) else {
                continue
            }
            let sources = ["json", "header", "cookie"].filter { sourceReader.has($0) }
            guard sources.count == 1, let kind = sources.first, let text = sourceReader.string(kind) else {
                sourceReader.report("'\(keyPath)' must have exactly one of json (a dotted path), header or cookie (a name)")
                for known in ["json", "header", "cookie"] { _ = sourceReader.value(known) }
                sourceReader.finish()
                continue
            }
            sourceReader.finish()
            let source: FlowCapture.Source = switch kind {
            case "json": .json(path: text)
            case "header": .header(name: text)
            default: .cookie(name: text)
            }
            captures.append(FlowCapture(name: key, source: source))
        }
        map.finish()
        return captures
    }
}
