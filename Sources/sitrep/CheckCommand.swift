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
        print("OK: \(DisplayPath.of(options.url)), content and templates are valid.")
    }
}
