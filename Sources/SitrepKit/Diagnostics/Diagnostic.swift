/// One problem in a user's file, printed as `path:line:column: message` (what `sitrep check` lists).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The file as the user should see it (relative to the working directory where possible).
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.message)
    }
}

/// Thrown when a file (or a set of files) has one or more problems; carries all of them.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics for one file while it is being read. Local to one load; never shared.
public final class DiagnosticCollector {
    public let path: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(path: String) {
        self.path = path
    }

    public func report(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(path: path, line: line, column: column, message: message))
    }

    public func report(_ message: String, at location: SourceLocation?) {
        report(message, line: location?.line ?? 1, column: location?.column ?? 1)
    }

    public var isEmpty: Bool { diagnostics.isEmpty }

    /// Throws every collected diagnostic at once, if there is any.
    public func throwIfAny() throws(DiagnosticsError) {
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
    }
}

/// A 1-based line and column in a file.
public struct SourceLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
