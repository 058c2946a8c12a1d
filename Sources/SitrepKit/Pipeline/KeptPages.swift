import Foundation

/// The already published pages of content files a `ContentPolicy.leaveOut` build left out (their file no longer
/// validates): `incidents/<id>.html` and `maintenance/<id>.html` as the live site holds them, so a link to an
/// incident keeps showing its last good page instead of vanishing. Only regular files are taken over; a file
/// whose name is not an id, or that was never published, is simply left out.
enum KeptPages {
    /// Relative path → the published bytes, for every `.md` file of `content/incidents` and `content/maintenance`
    /// whose id is not in `content`.
    static func read(config: SiteConfig, content: SiteContent) -> [(path: String, data: Data)] {
        let loaded = ["incidents": Set(content.incidents.map(\.id)), "maintenance": Set(content.maintenance.map(\.id))]
        var pages: [(path: String, data: Data)] = []
        for (kind, ids) in loaded.sorted(by: { $0.key < $1.key }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: config.paths.content.appendingPathComponent(kind).path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") && !name.hasPrefix("_") {
                let id = String(name.dropLast(3))
                guard Slug.isValid(id), !ids.contains(id) else { continue }
                let path = "\(kind)/\(id).html"
                let published = config.paths.output.appending(path: path, directoryHint: .notDirectory).path
                var info = stat()
                guard lstat(published, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                      let data = FileManager.default.contents(atPath: published) else { continue }
                pages.append((path, data))
            }
        }
        return pages
    }
}
