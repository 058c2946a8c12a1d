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

    /// The line `sitrep check` prints. File names and messages quote what users wrote, so control characters
    /// (and the bidirectional overrides that reorder a terminal line) are shown escaped, as `\u{1B}`: a
    /// content file can never move the cursor, recolour or retitle the terminal of whoever runs `check`.
    public var description: String { "\(Self.printable(path)):\(line):\(column): \(Self.printable(message))" }

    /// `text` with every C0 and C1 control character, DEL and bidirectional control written as `\u{XX}`.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnprintable) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnprintable(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

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
