import Foundation

/// `expect.json` values, `expect.headers` and `expect.response_ms`: a plain value, a condition (`">= 1"`), or
/// a mapping `{is: CONDITION, on_fail: down|degraded}`.
extension ConfigDecoder {
    /// What one `json` entry asks for.
    enum JSONEntry {
        case equality(JSONScalar)
        case condition(Condition)
    }

    func decodeJSONEntry(_ node: YAMLNode, path: String, keyPath: String, reader: YAMLMapReader) -> JSONEntry? {
        guard let (test, failing, scalar) = conditionParts(node, keyPath: keyPath, reader: reader, defaultFailing: .down) else {
            return nil
        }
        if case .equals = test, failing == .down, let scalar { return .equality(Self.jsonScalar(scalar)) }
        return .condition(Condition(subject: .json(path: path), test: test, failing: failing))
    }

    func decodeHeaderConditions(_ node: YAMLNode, keyPath: String, reader: YAMLMapReader) -> [Condition] {
        guard case .mapping(let mapping) = node else {
            reader.report("'\(keyPath)' must map header names to conditions", at: node)
            return []
        }
        var conditions: [Condition] = []
        for (key, value) in mapping {
            guard let name = key.scalarText, !name.isEmpty else { continue }
            guard let (test, failing, scalar) = conditionParts(value, keyPath: "\(keyPath).\(name)", reader: reader,
                                                               defaultFailing: .down) else { continue }
            // A header is text: a plain value is compared as written (`200` is the text "200").
            let headerTest: ConditionTest = if case .equals = test, let scalar { .equals(.string(scalar.string)) } else { test }
            conditions.append(Condition(subject: .header(name: name), test: headerTest, failing: failing))
        }
        return conditions
    }

    func decodeResponseTimeCondition(_ node: YAMLNode, keyPath: String, reader: YAMLMapReader) -> Condition? {
        guard let (test, failing, _) = conditionParts(node, keyPath: keyPath, reader: reader, defaultFailing: .degraded) else {
            return nil
        }
        guard case .compare(_, .number) = test else {
            reader.report("'\(keyPath)' must compare milliseconds, such as \"< 800\"", at: node)
            return nil
        }
        return Condition(subject: .responseTime, test: test, failing: failing)
    }

    /// The test, the status its failure means and, for a plain value, its scalar; nil after reporting a problem.
    private func conditionParts(_ node: YAMLNode, keyPath: String, reader: YAMLMapReader,
                                defaultFailing: CheckStatus) -> (ConditionTest, CheckStatus, YAMLNode.Scalar?)? {
        var failing = defaultFailing
        var valueNode = node
        if case .mapping = node {
            guard var map = YAMLMapReader(node, keyPath: keyPath, collector: collector, lineOffset: reader.lineOffset) else {
                return nil
            }
            let value = map.value("is", required: true)
            if let text = map.string("on_fail") {
                switch text {
                case "down": failing = .down
                case "degraded": failing = .degraded
                default: map.report("'\(map.path("on_fail"))' must be down or degraded, not '\(text)'", at: map.valueNode("on_fail"))
                }
            }
            map.finish()
            guard let value else { return nil }
            valueNode = value
        }
        guard case .scalar(let scalar) = valueNode else {
            reader.report("'\(keyPath)' must be a single value (text, number, true/false or null) or a condition such as \">= 1\"",
                          at: valueNode)
            return nil
        }
        switch ConditionParser.parse(scalar.string) {
        case .test(let test):
            return (test, failing, nil)
        case .notACondition:
            return (.equals(Self.jsonScalar(scalar)), failing, scalar)
        case .invalid(let problem):
            reader.report("'\(keyPath)' \(problem)", at: valueNode)
            return nil
        }
    }
}
