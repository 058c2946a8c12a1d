import Foundation

/// Deletes a retired site folder on every core. A cron build swaps in a new site and then deletes the old one,
/// thousands of files, before it can return; deleted one by one on one core that took about a quarter of a
/// second on the bench site. The files of different folders are unlinked at once (each folder by one worker),
/// then the folders themselves, deepest first. Best effort, like `FileManager.removeItem` under `try?`: what
/// cannot be deleted stays, and the folder with it.
enum FolderRemoval {
    static func remove(_ folder: URL) {
        // Every folder below, each listed once: its subfolders are queued, the rest (files, and symbolic links,
        // which are unlinked, never followed) kept for its worker.
        var folders = [folder.path]
        var files: [[String]] = []
        var index = 0
        while index < folders.count {
            let path = folders[index]
            let entries = FolderListing.entries(of: path) ?? []
            folders += entries.filter(\.isFolder).map { path + "/" + $0.name }
            files.append(entries.filter { !$0.isFolder }.map { path + "/" + $0.name })
            index += 1
        }
        let byFolder = files
        _ = WorkQueue.map(count: byFolder.count) { index in
            for path in byFolder[index] { unlink(path) }
        }
        // Breadth-first order lists every folder after its parent, so the reverse order removes children first.
        for path in folders.reversed() { rmdir(path) }
    }
}
