import Foundation
@testable import SitrepKit

/// The receivers of `notify_test_servers.py` (aiosmtpd with STARTTLS and AUTH, aiosmtpd behind TLS, aiosmtpd
/// without TLS, a fake of Twilio's Messages API), started once for the whole test process. Each received mail or
/// SMS request is a JSON file in the work folder, read back with `mails()` and `smsRequests()`.
final class NotifyTestServers: Sendable {
    struct Ports: Decodable, Sendable {
        var smtp_starttls: Int
        var smtps: Int
        var smtp_plain: Int
        var sms: Int
        var ca_file: String
    }

    /// What the SMTP receiver made of one message with Python's `email` package.
    struct ReceivedMail: Decodable, Sendable {
        struct Part: Decodable, Sendable {
            var type: String
            var charset: String?
            var encoding: String?
            var content: String
        }

        var server: String
        var mail_from: String
        var rcpt_tos: [String]
        var tls: Bool
        var authenticated: Bool
        var headers: [String: String]
        var raw_head: String
        var content_type: String
        var parts: [Part]
        var date_ok: Bool
        var longest_line: Int
        var bare_lf: Bool
    }

    struct ReceivedSMS: Decodable, Sendable {
        var path: String
        var form: [String: String]
        var user: String
        var content_type: String?
        var idempotency_key: String?
    }

    static let shared = Result { try NotifyTestServers() }

    /// The venv has aiosmtpd when `SITREP_PYTHON` is set (or in CI, where the test must then fail, not skip).
    static var available: Bool { RequiredTool.runs(ProcessInfo.processInfo.environment["SITREP_PYTHON"]) }

    let ports: Ports
    private let server: PythonServerProcess
    private let workFolder: URL

    var caFile: URL { URL(fileURLWithPath: ports.ca_file) }
    func smtp(_ port: KeyPath<Ports, Int>, scheme: String = "smtp") -> String { "\(scheme)://127.0.0.1:\(ports[keyPath: port])" }
    var smsURL: String { "http://127.0.0.1:\(ports.sms)/2010-04-01/Accounts/AC123/Messages.json" }

    private init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("notify_test_servers.py")
        workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-notify-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        server = try PythonServerProcess(script: script, arguments: [workFolder.path])
        ports = try JSONDecoder().decode(Ports.self, from: server.firstLine)
    }

    deinit {
        server.process.terminate()
    }

    func mails() -> [ReceivedMail] { read("mail") }
    func smsRequests() -> [ReceivedSMS] { read("sms") }

    /// The mail whose `Idempotency-Key` header is `key` (each test uses keys of its own).
    func mail(withKey key: String) -> ReceivedMail? {
        mails().first { $0.headers["Idempotency-Key"] == key }
    }

    private func read<Document: Decodable>(_ folder: String) -> [Document] {
        let url = workFolder.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            (try? Data(contentsOf: url.appendingPathComponent(name))).flatMap { try? JSONDecoder().decode(Document.self, from: $0) }
        }
    }
}
