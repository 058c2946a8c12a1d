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

    /// The same folder twice (a site that is the default theme's own checkout) counts as no override.
    var overrides: Bool {
        guard let defaultTheme else { return true }
        return ResolvedPath.of(defaultTheme) != ResolvedPath.of(site)
    }
}
