import ArgumentParser
import Foundation
import SitrepKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Scaffold a new status repository: a commented sitrep.yml and content/.",
        discussion: "The pages come from the default theme of the installed sitrep, so upgrades reach them. "
            + "--theme copies that theme into templates/ for editing; delete the files you leave unchanged."
    )

    @Argument(help: "Folder to create the repository in.") var directory = "."

    @Flag(name: .long, help: "Also copy the default theme into templates/ for editing.")
    var theme = false

    func run() throws {
        var themeDirectory: URL?
        if theme {
            guard let located = DefaultTheme.locate() else {
                throw Failure.message("cannot find the default theme; set \(DefaultTheme.environmentKey) to a folder holding layout.mustache")
            }
            themeDirectory = located
        }
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            let created = try Scaffold.create(at: target, themeDirectory: themeDirectory)
            print("Created in \(DisplayPath.of(target).isEmpty ? "." : DisplayPath.of(target)): \(created.joined(separator: ", "))")
            print("Next: edit sitrep.yml, then run `sitrep check` and `sitrep run`.")
        } catch {
            throw Failure.from(error)
        }
    }
}
