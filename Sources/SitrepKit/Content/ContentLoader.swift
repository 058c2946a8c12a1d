import Foundation

/// Reads `incidents/*.md` and `maintenance/*.md` under the content folder (a missing folder is empty),
/// reporting every problem of every file at once. A file with any problem is left out of the content. A
/// folder that exists but cannot be listed, and a file that is a symbolic link out of the content folder, are
/// problems too: the content must never silently come out empty.
///
/// Ids are file names without `.md`, unique per kind (an incident and a maintenance window may share one);
/// they must be slugs (`[a-z0-9-]+`) because they become URLs. Files whose names start with `.` or `_`
/// (editor files, drafts) and files not ending in `.md` are ignored. `knownComponents` nil means the component
/// ids are not known (`sitrep check` on a config it could not read): any id is then accepted.
public enum ContentLoader {
    public static func load(
        directory: URL, knownComponents: Set<String>?, timeZone: TimeZone, displayPath: (URL) -> String
    ) -> (SiteContent, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        switch InputFolder.classify(directory) {
        case .absent: return (SiteContent(), [])
        case .unusable(let problem):
            return (SiteContent(), [Diagnostic(path: displayPath(directory), line: 1, column: 1, message: "expected the content folder here, but it \(problem)")])
        case .present: break
        }
        let root = ResolvedPath.of(directory)
        var incidents = loadFolder(directory.appendingPathComponent("incidents"), root: root, with: IncidentParser.self,
                                   knownComponents: knownComponents, timeZone: timeZone, displayPath: displayPath,
                                   diagnostics: &diagnostics)
        var maintenance = loadFolder(directory.appendingPathComponent("maintenance"), root: root, with: MaintenanceParser.self,
                                     knownComponents: knownComponents, timeZone: timeZone, displayPath: displayPath,
                                     diagnostics: &diagnostics)
        incidents.sort { ($0.startedAt, $1.id) > ($1.startedAt, $0.id) }
        maintenance.sort { ($0.scheduledFor, $1.id) > ($1.scheduledFor, $0.id) }
        return (SiteContent(incidents: incidents, maintenance: maintenance), diagnostics.sorted())
    }

    /// One incident file's text: the incident, or nil and every problem. `id` is checked to be a slug.
    public static func parseIncident(
        text: String, id: String, sourcePath: String, knownComponents: Set<String>?, timeZone: TimeZone
    ) -> (Incident?, [Diagnostic]) {
        parse(text, with: IncidentParser.self, id: id, sourcePath: sourcePath, knownComponents: knownComponents, timeZone: timeZone)
    }

    /// One maintenance file's text: the window, or nil and every problem. `id` is checked to be a slug.
    public static func parseMaintenance(
        text: String, id: String, sourcePath: String, knownComponents: Set<String>?, timeZone: TimeZone
    ) -> (Maintenance?, [Diagnostic]) {
        parse(text, with: MaintenanceParser.self, id: id, sourcePath: sourcePath, knownComponents: knownComponents, timeZone: timeZone)
    }

    /// Runs a parser with a fresh collector after checking that the id is a slug; the item only when
    /// nothing at all was reported.
    private static func parse<Parser: ContentFileParser>(
        _ text: String, with parser: Parser.Type, id: String, sourcePath: String, knownComponents: Set<String>?, timeZone: TimeZone
    ) -> (Parser.Item?, [Diagnostic]) {
        let collector = DiagnosticCollector(path: sourcePath)
        if !Slug.isValid(id) {
            collector.report("file name '\(id).md' is not a valid id: use only lowercase letters, digits and '-' (it becomes a URL)",
                             line: 1, column: 1)
        }
        let item = Parser.parse(text: text, id: id, sourcePath: sourcePath, knownComponents: knownComponents,
                                timeZone: timeZone, collector: collector)
        return (collector.isEmpty ? item : nil, collector.diagnostics)
    }

    /// The largest content file read, in bytes. cmark-gfm's inline parser is quadratic on some inputs (a
    /// 200 KB paragraph of `![[]()` took 6.4 s, 1 MB never finished), and every byte of a file is written
    /// into several outputs: 1,000 files of 32 KiB with tables and lists took 9.4 s of CPU and 405 MB and
    /// wrote 235 MB; at 16 KiB 5.5 s, 129 MB and 81 MB (`scripts/bench-content`; the build budget is 1 s and
    /// 200 MB, see README). A long postmortem (nine sections of timeline tables, lists and code, 15.5 KB,
    /// `aLongRealisticPostmortemBuilds`) still fits.
    public static let maximumFileBytes = 16_384

    /// One file's bytes: the item, or nil and every problem.
    private static func parse<Parser: ContentFileParser>(
        _ data: Data, with parser: Parser.Type, id: String, sourcePath: String, knownComponents: Set<String>?, timeZone: TimeZone
    ) -> (Parser.Item?, [Diagnostic]) {
        guard data.count <= maximumFileBytes else {
            return (nil, [Diagnostic(path: sourcePath, line: 1, column: 1, message: "this file has more than the "
                                     + "\(maximumFileBytes) bytes a content file may have (Markdown this long can take seconds to render): shorten it")])
        }
        switch UTF8Text.decode(data) {
        case .success(let text):
            return parse(text, with: Parser.self, id: id, sourcePath: sourcePath, knownComponents: knownComponents, timeZone: timeZone)
        case .failure(let invalid):
            return (nil, [Diagnostic(path: sourcePath, line: invalid.location.line, column: invalid.location.column, message: invalid.message)])
        }
    }

    /// Every valid item of one folder; the problems of every file go to `diagnostics`.
    private static func loadFolder<Parser: ContentFileParser>(
        _ folder: URL, root: String, with parser: Parser.Type, knownComponents: Set<String>?, timeZone: TimeZone,
        displayPath: (URL) -> String, diagnostics: inout [Diagnostic]
    ) -> [Parser.Item] {
        let files = markdownFiles(in: folder, root: root, displayPath: displayPath, diagnostics: &diagnostics)
        let paths = files.map(displayPath)
        // Files are independent: read and parsed on every core; items and problems kept in file-name order.
        let parsed = WorkQueue.map(count: files.count) { index -> (Parser.Item?, [Diagnostic]) in
            let file = files[index]
            guard let data = readPrefix(of: file, upTo: maximumFileBytes + 1) else {
                return (nil, [Diagnostic(path: paths[index], line: 1, column: 1, message: "cannot read this file")])
            }
            return parse(data, with: Parser.self, id: file.deletingPathExtension().lastPathComponent, sourcePath: paths[index],
                         knownComponents: knownComponents, timeZone: timeZone)
        }
        var items: [Parser.Item] = []
        for (item, problems) in parsed {
            items += item.map { [$0] } ?? []
            diagnostics += problems
        }
        return items
    }

    /// At most the first `count` bytes of a file (a file of gigabytes is not read whole to be refused); nil
    /// when it cannot be read.
    private static func readPrefix(of file: URL, upTo count: Int) -> Data? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        var data = Data()
        do {
            // nil or empty at the end of the file.
            while data.count < count, let chunk = try handle.read(upToCount: count - data.count), !chunk.isEmpty {
                data += chunk
            }
        } catch {
            return nil
        }
        return data
    }

    /// The `.md` files of a folder, sorted by name; none when the folder does not exist. A file that is a
    /// symbolic link is read only when it leads to a regular file inside the content folder (`root`, resolved);
    /// a folder named like a file is skipped; anything else that cannot be read is a problem naming it.
    private static func markdownFiles(in folder: URL, root: String, displayPath: (URL) -> String,
                                      diagnostics: inout [Diagnostic]) -> [URL] {
        let problem: String
        switch InputFolder.classify(folder, inside: root, rootName: "content") {
        case .absent: return []
        case .present:
            guard let entries = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else {
                problem = "cannot read this folder of content files"
                break
            }
            return files(of: entries, root: root, displayPath: displayPath, diagnostics: &diagnostics)
        case .unusable(let reason):
            problem = "expected a folder of content files here, but it \(reason)"
        }
        diagnostics.append(Diagnostic(path: displayPath(folder), line: 1, column: 1, message: problem))
        return []
    }

    private static func files(of entries: [URL], root: String, displayPath: (URL) -> String,
                              diagnostics: inout [Diagnostic]) -> [URL] {
        // Each name is taken once: `lastPathComponent` parses the URL, and a sort would ask for it twice per
        // comparison.
        let named = entries
            .map { (name: $0.lastPathComponent, url: $0) }
            .filter { $0.url.pathExtension == "md" && !$0.name.hasPrefix(".") && !$0.name.hasPrefix("_") }
            .sorted { $0.name < $1.name }
        var files: [URL] = []
        for (_, url) in named {
            switch InputFile.classify(url, root: root, folderName: "content") {
            case .readable: files.append(url)
            case .folder: continue
            case .refused(let problem):
                diagnostics.append(Diagnostic(path: displayPath(url), line: 1, column: 1, message: "this file \(problem)"))
            }
        }
        return files
    }
}
