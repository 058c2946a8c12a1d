import Foundation
import Testing

/// Makes files and folders unwritable. Root ignores permission bits, so as root they are marked immutable
/// (`chattr +i`, which refuses every change, root's included, as a read-only file system does); as anyone
/// else their permission bits are cleared.
struct Unwritable {
    let paths: [URL]
    let asRoot = geteuid() == 0

    init(_ paths: [URL]) throws {
        self.paths = paths
        if asRoot {
            try #require(Self.chattr("+i", paths) == 0, "chattr +i must work on the temporary folder's file system")
        } else {
            for path in paths {
                try FileManager.default.setAttributes([.posixPermissions: Self.isFolder(path) ? 0o555 : 0o444],
                                                      ofItemAtPath: path.path)
            }
        }
    }

    func undo() {
        if asRoot {
            _ = Self.chattr("-i", paths)
        } else {
            for path in paths {
                try? FileManager.default.setAttributes([.posixPermissions: Self.isFolder(path) ? 0o755 : 0o644],
                                                       ofItemAtPath: path.path)
            }
        }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func chattr(_ flag: String, _ paths: [URL]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag] + paths.map(\.path)
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
