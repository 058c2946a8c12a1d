import ArgumentParser
import Foundation
import SitrepKit

/// Ends a command with exit code 1 after printing readable sentences to stderr (never a stack trace).
enum Failure {
    static func diagnostics(_ diagnostics: [Diagnostic]) -> ExitCode {
        for diagnostic in diagnostics { printError(diagnostic.description) }
        return ExitCode(1)
    }

    static func message(_ text: String) -> ExitCode {
        printError("sitrep: \(text)")
        return ExitCode(1)
    }

    /// `run` published without the content files that have problems: every problem as `check` prints it, what
    /// was left out, exit 3 (distinct from 1, nothing published).
    static func publishedWithProblems(_ summary: BuildPipeline.Summary) -> ExitCode {
        for problem in summary.problems { printError(problem.description) }
        let kept = summary.keptPages > 0
            ? "; \(counted(summary.keptPages, "page")) of left-out files published earlier kept as they were" : ""
        printError("sitrep: published without the content files that have problems "
            + "(\(counted(summary.problems.count, "problem")) found\(kept)); fix them and run again.")
        return ExitCode(3)
    }

    /// Bad command-line usage (an option's or the environment's value): the sentence, exit 64.
    static func usage(_ text: String) -> ExitCode {
        printError("sitrep: \(text)")
        return ExitCode.validationFailure
    }

    /// Maps any error from the library to its sentence.
    static func from(_ error: any Error) -> ExitCode {
        switch error {
        case let exit as ExitCode: exit
        case let diagnostics as DiagnosticsError: self.diagnostics(diagnostics.diagnostics)
        case let clock as BuildClock.Problem: usage(clock.description)
        case let described as CustomStringConvertible: message(described.description)
        default: message(error.localizedDescription)
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs a command body, turning every thrown error into one sentence on stderr and exit 1.
func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw Failure.from(error)
    }
}
