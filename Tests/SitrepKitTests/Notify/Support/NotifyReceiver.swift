import Foundation

/// The loopback receivers of `notify_receiver.py`, one process per test (its records are the test's own). The
/// script exits when its stdin closes, so no receiver outlives its test.
final class NotifyReceiver {
    /// One POST the receiver got, with the problems its format and signature checks found.
    struct Request {
        var path: String
        var key: String
        var event: String
        var agent: String
        /// nil: never answered (a hanging receiver).
        var status: Int?
        var problems: [String]
        var body: [String: Any]
    }

    static let secret = "whsec-loopback-test-key"

    let port: Int
    let work: URL
    private let process: Process
    private let stdinPipe: Pipe

    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("notify_receiver.py")
        work = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let server = try PythonServerProcess(script: script, arguments: [work.path, Self.secret])
        process = server.process
        stdinPipe = server.stdinPipe
        let object = try JSONSerialization.jsonObject(with: server.firstLine) as? [String: Any]
        guard let port = object?["port"] as? Int else {
            throw PythonServerProcess.StartFailure(description: "notify_receiver.py printed no port")
        }
        self.port = port
    }

    deinit {
        // The test process blocks SIGTERM for its children; closing stdin ends the script, SIGKILL makes sure.
        try? stdinPipe.fileHandleForWriting.close()
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(at: work)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Makes `GET /health/NAME` answer `status` from now on.
    func setHealth(_ name: String, _ status: Int) throws {
        try Data("\(status)".utf8).write(to: work.appendingPathComponent("\(name).status"))
    }

    func requests() throws -> [Request] {
        let file = work.appendingPathComponent("requests.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let text = try String(contentsOf: file, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return Request(path: object["path"] as? String ?? "", key: object["key"] as? String ?? "",
                           event: object["event"] as? String ?? "", agent: object["agent"] as? String ?? "",
                           status: object["status"] as? Int, problems: object["problems"] as? [String] ?? ["unreadable"],
                           body: object["body"] as? [String: Any] ?? [:])
        }
    }

    func requests(to path: String) throws -> [Request] { try requests().filter { $0.path == path } }
}

extension [String: Any] {
    /// The value at a dotted path (`incident.incident_updates`), array items by number.
    func value(at path: String) -> Any? {
        var current: Any? = self
        for part in path.split(separator: ".") {
            if let index = Int(part), let array = current as? [Any] {
                current = array.indices.contains(index) ? array[index] : nil
            } else {
                current = (current as? [String: Any])?[String(part)]
            }
        }
        return current
    }

    func text(at path: String) -> String? { value(at: path) as? String }
}
