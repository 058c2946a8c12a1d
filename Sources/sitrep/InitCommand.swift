import ArgumentParser
import Foundation
import SitrepKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Scaffold a new status repository: a commented sitrep.yml, content/ and the default templates/."
    )

    @Argument(help: "Folder to create the repository in.") var directory = "."

    func run() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        guard let theme = Scaffold.locateTheme(executable: executable) else {
            throw Failure.message("cannot find the default theme; set SITREP_THEME to a folder holding layout.mustache")
        }
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            let created = try Scaffold.create(at: target, themeDirectory: theme)
            print("Created in \(DisplayPath.of(target).isEmpty ? "." : DisplayPath.of(target)): \(created.joined(separator: ", "))")
            print("Next: edit sitrep.yml, then run `sitrep check` and `sitrep run`.")
        } catch {
            throw Failure.from(error)
        }
    }
}
