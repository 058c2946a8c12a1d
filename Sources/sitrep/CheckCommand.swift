import ArgumentParser
import Foundation
import SitrepKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate config, content and templates; print every problem as path:line:column: message.",
        discussion: "Exits 1 if there is any problem. This is what a pull request's CI runs."
    )

    @OptionGroup var options: ConfigOption

    @Flag(name: .long, help: "Treat a ${VAR} whose environment variable is not set as a problem (probe and run need them).")
    var strictEnv = false

    func run() throws {
        let report = SiteValidator.check(configFile: options.url, strictEnvironment: strictEnv)
        for note in report.notes {
            printError(Diagnostic(path: note.path, line: note.line, column: note.column,
                                  message: "note: \(note.message); only probe and run need it (--strict-env makes this a problem)").description)
        }
        let problems = report.problems
        guard problems.isEmpty else {
            for problem in problems { printError(problem.description) }
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") found.")
            throw ExitCode(1)
        }
        printTheme(report)
        print("OK: \(DisplayPath.of(options.url)), content and templates are valid.")
    }

    /// Which files of the site's templates folder replace the default theme's (they no longer receive its fixes).
    private func printTheme(_ report: SiteValidator.Report) {
        guard let defaultTheme = report.defaultTheme else {
            print("Theme: no default theme found; the templates folder holds the whole theme")
            return
        }
        let overrides = report.themeOverrides
        print("Theme: default theme \(DisplayPath.of(defaultTheme)), \(overrides.isEmpty ? "nothing overridden" : "overridden by:")")
        var identical: [String] = []
        for file in overrides {
            switch file.kind {
            case .changed: print("  \(file.path): overrides the default")
            case .identical: identical.append(file.path)
            case .added: print("  \(file.path): added (the default theme has no such file)")
            }
        }
        // A copied theme is many such files: one line.
        if !identical.isEmpty {
            print("  identical to the default (remove to receive its updates): \(identical.joined(separator: ", "))")
        }
    }
}
