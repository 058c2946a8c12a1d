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

    func run() throws {
        let problems = SiteValidator.problems(configFile: options.url)
        guard problems.isEmpty else {
            for problem in problems { printError(problem.description) }
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") found.")
            throw ExitCode(1)
        }
        print("OK: \(DisplayPath.of(options.url)), content and templates are valid.")
    }
}
