import Foundation

/// The theme that ships with the installed sitrep, which every site's `templates/` overrides file by file, so a
/// new release's fixes reach every site that did not override the file concerned. Looked for, in this order:
/// 1. `SITREP_THEME` (tests, a packaged theme elsewhere);
/// 2. `<prefix>/share/sitrep/templates` for a binary in `<prefix>/bin` (`make install`, the release layout);
/// 3. the `templates/` folder of the source checkout the binary was built in (development).
/// A folder is a theme when it holds `layout.mustache`.
public enum DefaultTheme {
    public static let environmentKey = "SITREP_THEME"

    public static func locate(executable: URL? = Bundle.main.executableURL,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let custom = environment[environmentKey], !custom.isEmpty {
            let url = URL(fileURLWithPath: custom).standardizedFileURL
            return isTheme(url) ? url : nil
        }
        guard let executable else { return nil }
        let binDirectory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = binDirectory.deletingLastPathComponent().appendingPathComponent("share/sitrep/templates")
        if isTheme(installed) { return installed.standardizedFileURL }
        var folder = binDirectory
        while folder.path != "/" && !folder.path.isEmpty {
            let candidate = folder.appendingPathComponent("templates")
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), isTheme(candidate) {
                return candidate.standardizedFileURL
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    static func isTheme(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("layout.mustache").path)
    }
}
