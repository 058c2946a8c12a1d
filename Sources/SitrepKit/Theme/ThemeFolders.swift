import Foundation

/// The two folders a site's theme is read from: the default theme of the installed sitrep and the site's own
/// `templates/`, whose files replace the default's of the same relative path (and may add new ones).
public struct ThemeFolders: Sendable, Hashable {
    public var site: URL
    /// nil when no default theme was found: the site's folder must then hold a whole theme.
    public var defaultTheme: URL?

    public init(site: URL, defaultTheme: URL? = nil) {
        self.site = site
        self.defaultTheme = defaultTheme
    }

    /// Whether there is a default theme in a folder other than the site's: the repository's own `sitrep.yml`
    /// uses the default theme itself as its templates folder, which overrides nothing.
    var defaultIsElsewhere: Bool {
        guard let defaultTheme else { return false }
        return ResolvedPath.of(defaultTheme) != ResolvedPath.of(site)
    }
}
