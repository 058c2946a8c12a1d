/// Replaces every value that came from `${VAR}` with the placeholder `${VAR}`, so secrets never reach
/// the site, the database's error texts or the logs.
public struct SecretRedactor: Sendable, Hashable {
    /// (variable name, value), longest value first so overlapping secrets are redacted whole.
    public private(set) var secrets: [Secret]

    public struct Secret: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public init(_ pairs: [(name: String, value: String)] = []) {
        secrets = []
        for pair in pairs { add(name: pair.name, value: pair.value) }
    }

    public mutating func add(name: String, value: String) {
        // Very short values (e.g. "1") would mangle ordinary text; they are not treated as secrets.
        guard value.count >= 4, !secrets.contains(where: { $0.value == value }) else { return }
        secrets.append(Secret(name: name, value: value))
        secrets.sort { $0.value.count > $1.value.count }
    }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret.value) {
            result = result.replacingOccurrences(of: secret.value, with: "${\(secret.name)}")
        }
        return result
    }
}
