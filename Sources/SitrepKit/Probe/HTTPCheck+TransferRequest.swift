import Foundation

extension HTTPCheck {
    /// The libcurl transfer for one attempt of this check.
    func transferRequest(timeoutMs: Int, trustedCertificatesPEM: Data?) -> TransferRequest {
        TransferRequest(
            url: url,
            mode: .http,
            method: method,
            headerLines: headers.map { "\($0.name): \($0.value)" },
            body: body.map { Data($0.utf8) },
            followRedirects: followRedirects,
            maxRedirects: 10,
            timeoutMs: timeoutMs,
            maxBodyBytes: maxBodyBytes,
            trustedCertificatesPEM: insecure ? nil : trustedCertificatesPEM,
            insecure: insecure,
            collectCertificateInfo: expect.certMinDays != nil && url.lowercased().hasPrefix("https:"),
            responseHeaderNames: expect.headerNames
        )
    }
}

extension CheckTarget {
    /// A URL libcurl can connect to for a `tcp` check (IPv6 literals in brackets).
    static func connectURL(host: String, port: Int) -> String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(bracketed):\(port)/"
    }
}
