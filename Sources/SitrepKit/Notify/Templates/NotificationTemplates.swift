import Foundation
import Mustache

/// The message templates of `templates/notifications/`, read at run time so an operator can reword them:
/// `email-subject`, `email-text` and `sms` print values as they are (plain text), `email-html` escapes every
/// `{{value}}` like the site's templates (`HTMLEscaping`); the update's Markdown, already rendered by the
/// escaping renderer, is the one value meant for `{{{updateHTML}}}`.
public struct NotificationTemplates: Sendable {
    public static let folderName = "notifications"
    public static let emailSubject = "email-subject"
    public static let emailText = "email-text"
    public static let emailHTML = "email-html"
    public static let sms = "sms"

    private let templates: [String: MustacheTemplate]

    /// Loads `<templates>/notifications/*.mustache` of one folder holding them all.
    public init(templatesFolder: URL, names: [String] = [emailSubject, emailText, emailHTML, sms]) throws(DiagnosticsError) {
        try self.init(theme: ThemeFolders(site: templatesFolder), names: names)
    }

    /// Loads `notifications/*.mustache`, each from the site's templates when it overrides it, else from the
    /// default theme; throws every problem (a missing or broken template) at once.
    public init(theme: ThemeFolders, names: [String] = [emailSubject, emailText, emailHTML, sms]) throws(DiagnosticsError) {
        let folders = [theme.site] + (theme.defaultTheme.map { [$0] } ?? [])
        HTMLEscaping.register()
        var loaded: [String: MustacheTemplate] = [:]
        var problems: [Diagnostic] = []
        for name in names {
            let relative = Self.folderName + "/" + name + ".mustache"
            let file = folders.map { $0.appendingPathComponent(relative) }
                .first { FileManager.default.fileExists(atPath: $0.path) } ?? theme.site.appendingPathComponent(relative)
            let path = DisplayPath.of(file)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                problems.append(Diagnostic(path: path, line: 1, column: 1,
                                           message: "missing template: notifications need \(name).mustache"))
                continue
            }
            let text: String
            switch UTF8Text.decode(data) {
            case .success(let decoded): text = decoded
            case .failure(let invalid):
                problems.append(Diagnostic(path: path, line: invalid.location.line, column: invalid.location.column,
                                           message: invalid.message))
                continue
            }
            let pragma = name == Self.emailHTML ? HTMLEscaping.pragma : "{{% CONTENT_TYPE: TEXT}}\n"
            do {
                loaded[name] = try MustacheTemplate(string: pragma + text)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(path: path, line: max(error.context.lineNumber - 1, 1),
                                           column: error.context.columnNumber, message: TemplateSet.describe(error.error)))
            } catch {
                problems.append(Diagnostic(path: path, line: 1, column: 1, message: "cannot parse this template: \(error)"))
            }
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems.sorted()) }
        templates = loaded
    }

    /// The template's output for `message`; empty when the template was not asked for at load time.
    func render(_ name: String, _ message: NotificationTemplateValues) -> String {
        templates[name]?.render(message.values) ?? ""
    }
}
