/// How the site presents itself beyond its title: `site.logo`, `site.favicon` and `site.colors` in sitrep.yml.
public struct SiteBranding: Sendable, Hashable {
    public var logo: SiteAsset?
    public var favicon: SiteAsset?
    /// Links and the header's accent in the light scheme; nil keeps the theme's own.
    public var accent: CSSColor?
    /// The same in the dark scheme.
    public var accentDark: CSSColor?

    public init(logo: SiteAsset? = nil, favicon: SiteAsset? = nil, accent: CSSColor? = nil, accentDark: CSSColor? = nil) {
        self.logo = logo
        self.favicon = favicon
        self.accent = accent
        self.accentDark = accentDark
    }
}

/// An image the pages refer to: a file of the static folder (published at its path below that folder) or an
/// absolute http(s) URL.
public enum SiteAsset: Sendable, Hashable {
    /// Path below the static folder, `/`-separated, which is also its path in the output.
    case staticFile(String)
    case url(String)
}
