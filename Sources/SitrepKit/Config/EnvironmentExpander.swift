/// Expands `${VAR}` in config values from the environment, remembering each expanded value as a secret.
struct EnvironmentExpander {
    let environment: [String: String]
    private(set) var redactor = SecretRedactor()

    init(environment: [String: String]) {
        self.environment = environment
    }

    enum Failure: Error, Equatable {
        case unset(String)
        case malformed
        /// `${steps.…}` where no flow step can be meant.
        case stepReference
    }

    /// Replaces every `${NAME}`; `$$` stands for a literal `$`. With `keepingStepReferences` (a flow step's
    /// fields) `${steps.…}` is kept as written for the flow to fill in; elsewhere it is a failure.
    mutating func expand(_ text: String, keepingStepReferences: Bool = false) -> Result<String, Failure> {
        guard text.containsUTF8Byte(UInt8(ascii: "$")) else { return .success(text) }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "$" else {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            let next = text.index(after: index)
            if next < text.endIndex, text[next] == "$" {
                output.append("$")
                index = text.index(after: next)
                continue
            }
            guard next < text.endIndex, text[next] == "{" else {
                output.append(character)
                index = next
                continue
            }
            guard let close = text[next...].firstIndex(of: "}") else { return .failure(.malformed) }
            let inner = text[text.index(after: next)..<close]
            if StepReference.isReference(inner) {
                guard keepingStepReferences else { return .failure(.stepReference) }
                output += text[index...close]
                index = text.index(after: close)
                continue
            }
            let name = String(inner)
            guard Self.isValidName(name) else { return .failure(.malformed) }
            guard let value = environment[name] else { return .failure(.unset(name)) }
            redactor.add(name: name, value: value)
            output += value
            index = text.index(after: close)
        }
        return .success(output)
    }

    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
