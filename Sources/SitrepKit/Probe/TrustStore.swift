import Foundation

/// PEM bundles for checks with a `ca_file`: the system's trusted roots plus that file, because libcurl's
/// CA option replaces its default bundle rather than adding to it. Built once per run for each distinct file.
struct TrustStore: Sendable {
    /// Files that could not be read are absent.
    private var bundles: [URL: Data] = [:]

    /// Reads the system bundle and every distinct `ca_file` named by `checks`.
    init(for checks: [CheckConfig]) {
        let files = Set(checks.flatMap { check -> [URL] in
            switch check.target {
            case .http(let http): return http.insecure ? [] : http.caFile.map { [$0] } ?? []
            case .flow(let flow): return flow.steps.compactMap { $0.request.insecure ? nil : $0.request.caFile }
            case .conversation(let protocolCheck): return protocolCheck.tlsOptions.flatMap { $0.insecure ? nil : $0.caFile }.map { [$0] } ?? []
            case .tcp, .dns: return []
            }
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

    /// The bundle a request with these settings trusts: nil for libcurl's default (or `insecure`), a failure
    /// when its `ca_file` could not be read.
    func trustedPEM(for http: HTTPCheck) -> Result<Data?, ProbeError> {
        trustedPEM(caFile: http.caFile, insecure: http.insecure)
    }

    /// The same for any connection's `ca_file` and `insecure` settings.
    func trustedPEM(caFile: URL?, insecure: Bool) -> Result<Data?, ProbeError> {
        guard let caFile, !insecure else { return .success(nil) }
        guard let bundle = bundle(for: caFile) else {
            return .failure(ProbeError(kind: .other, message: "The ca_file \(caFile.path) could not be read."))
        }
        return .success(bundle)
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
