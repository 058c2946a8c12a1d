import Foundation

/// PEM bundles for checks with a `ca_file`: the system's trusted roots plus that file, because libcurl's
/// CA option replaces its default bundle rather than adding to it. Built once per run for each distinct file.
struct TrustStore: Sendable {
    /// Files that could not be read are absent.
    private var bundles: [URL: Data] = [:]

    /// Reads the system bundle and every distinct `ca_file` named by `checks`.
    init(for checks: [CheckConfig]) {
        let files = Set(checks.compactMap { check -> URL? in
            if case .http(let http) = check.target, !http.insecure { return http.caFile }
            return nil
        })
        guard !files.isEmpty else { return }
        let system = Self.systemBundle()
        for file in files {
            if let extra = try? Data(contentsOf: file), !extra.isEmpty {
                bundles[file] = system + Data("\n".utf8) + extra + Data("\n".utf8)
            }
        }
    }

    /// The combined bundle for a check's `ca_file`; nil when that file could not be read.
    func bundle(for caFile: URL) -> Data? {
        bundles[caFile]
    }

    private static let wellKnownBundlePaths = [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/cert.pem",
        "/etc/ssl/ca-bundle.pem",
    ]

    static func systemBundle() -> Data {
        let candidates = [CurlMulti.defaultCABundlePath()].compactMap { $0 } + wellKnownBundlePaths
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path), !data.isEmpty { return data }
        }
        return Data()
    }
}
