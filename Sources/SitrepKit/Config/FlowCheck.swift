/// A `flow` check: named HTTP steps run in order, sharing one cookie jar and one deadline (the check's
/// `timeout_ms`); values captured from a step are used by later ones as `${steps.NAME.CAPTURE}`.
public struct FlowCheck: Sendable {
    public var steps: [FlowStep]

    public init(steps: [FlowStep]) {
        self.steps = steps
    }
}

public struct FlowStep: Sendable {
    /// Unique in the flow (`[a-z0-9-]+`): how messages, pages and `${steps.NAME…}` name the step.
    public var name: String
    /// The request and its `expect`. Its URL, header values and body may hold `${steps.NAME.CAPTURE}`,
    /// replaced when the step runs.
    public var request: HTTPCheck
    public var captures: [FlowCapture]

    public init(name: String, request: HTTPCheck, captures: [FlowCapture] = []) {
        self.name = name
        self.request = request
        self.captures = captures
    }
}

/// A value a step keeps for later steps.
public struct FlowCapture: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// The scalar at a dotted path of the JSON body.
        case json(path: String)
        /// A response header.
        case header(name: String)
        /// A cookie in the flow's cookie jar after the step.
        case cookie(name: String)
    }

    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }

    /// The source as written: `json token`, `header X-Token`, `cookie session`.
    public var sourceText: String {
        switch source {
        case .json(let path): "json \(path)"
        case .header(let name): "header \(name)"
        case .cookie(let name): "cookie \(name)"
        }
    }
}
