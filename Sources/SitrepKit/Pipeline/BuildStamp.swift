import Foundation

/// What the last build published, kept beside the output folder as `.<name>.build-stamp` (never inside it,
/// so the static host does not serve it): the digest of its inputs (`BuildInputs`), the manifest of the
/// files it left (`SiteManifest`) and its summary. A build whose inputs have the same digest, over an
/// output folder that still matches the manifest, would write the very same bytes, so it stops there.
struct BuildStamp: Codable, Equatable, Sendable {
    var inputs: String
    var files: Int
    var components: Int
    var incidents: Int
    var maintenance: Int
    var indicator: Indicator
    var manifest: SiteManifest

    static func location(for output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).build-stamp")
    }

    /// The stamp of `output` when it was made for exactly these inputs and the folder is as that build left it.
    static func current(for output: URL, inputs: String) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: location(for: output).path),
              let stamp = try? JSONDecoder().decode(BuildStamp.self, from: data),
              stamp.inputs == inputs,
              SiteManifest.read(output) == stamp.manifest
        else { return nil }
        return stamp
    }

    /// Writes the stamp for the folder just published, whose `manifest` the publisher read; a stamp that cannot
    /// be written only costs the next build its shortcut, so failures are ignored. An older stamp needs no
    /// removing first: its manifest matches only a folder holding the very files it describes, and a published
    /// file is never rewritten in place (a changed file is a new inode).
    static func record(for output: URL, inputs: String, summary: BuildPipeline.Summary, manifest: SiteManifest) {
        let stamp = BuildStamp(inputs: inputs, files: summary.files, components: summary.components,
                               incidents: summary.incidents, maintenance: summary.maintenance,
                               indicator: summary.indicator, manifest: manifest)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(stamp) else { return }
        let target = location(for: output)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else { return }
        if rename(temporary.path, target.path) != 0 { unlink(temporary.path) }
    }
}
