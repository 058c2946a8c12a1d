import Foundation

/// A file of the site's templates folder compared with the default theme, as `sitrep check` lists them: the
/// site keeps receiving the default theme's fixes for every file it does not override.
public struct ThemeOverride: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// Replaces a default file with different text.
        case changed
        /// Replaces a default file with the very same bytes (a copied theme): removing it changes nothing today
        /// and lets later releases' fixes through.
        case identical
        /// A file the default theme does not have (a new partial or asset).
        case added
    }

    /// Path as shown in messages (`templates/partials/footer.mustache`).
    public var path: String
    public var kind: Kind

    /// Every file the site's folder holds, sorted; empty when there is no default theme or no site folder (or
    /// they are the same folder).
    public static func list(_ theme: ThemeFolders) -> [ThemeOverride] {
        guard let defaultTheme = theme.defaultTheme, theme.defaultIsElsewhere, InputFolder.classify(theme.site) == .present else { return [] }
        let defaults = Set(ThemeFiles.relativePaths(in: defaultTheme))
        return ThemeFiles.relativePaths(in: theme.site).map { relative in
            let file = theme.site.appendingPathComponent(relative)
            let kind: Kind
            if !defaults.contains(relative) {
                kind = .added
            } else {
                let same = FileManager.default.contentsEqual(atPath: file.path, andPath: defaultTheme.appendingPathComponent(relative).path)
                kind = same ? .identical : .changed
            }
            return ThemeOverride(path: TemplateSet.displayPath(file), kind: kind)
        }
    }
}
