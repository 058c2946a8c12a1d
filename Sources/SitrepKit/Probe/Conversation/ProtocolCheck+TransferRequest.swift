import Foundation

extension ProtocolCheck {
    /// The libcurl transfer for one attempt: connect only, then the exchange (or libcurl's own SMTP/TLS steps).
    func transferRequest(timeoutMs: Int, trustedCertificatesPEM: Data?) -> TransferRequest {
        var request = TransferRequest(url: CheckTarget.connectURL(host: host, port: port), mode: .connectOnly,
                                      timeoutMs: timeoutMs)
        switch exchange {
        case .smtp(let starttls, let tls):
            request.url = CheckTarget.connectURL(host: host, port: port, scheme: "smtp")
            request.protocols = "smtp"
            request.requireStartTLS = starttls
            applyTLS(tls, pem: trustedCertificatesPEM, certificates: starttls, to: &request)
        case .tls(let tls):
            request.url = CheckTarget.connectURL(host: host, port: port, scheme: "https")
            request.protocols = "https"
            request.offerALPN = false
            applyTLS(tls, pem: trustedCertificatesPEM, certificates: true, to: &request)
        case .tcp, .postgres, .redis, .amqp:
            request.exchange = exchange
        }
        return request
    }

    /// The trust and expiry settings of a check with a TLS handshake, nil for the others.
    var tlsOptions: TLSOptions? {
        switch exchange {
        case .smtp(let starttls, let tls): starttls ? tls : nil
        case .tls(let tls): tls
        case .tcp, .postgres, .redis, .amqp: nil
        }
    }

    private func applyTLS(_ tls: TLSOptions, pem: Data?, certificates: Bool, to request: inout TransferRequest) {
        request.insecure = tls.insecure
        request.trustedCertificatesPEM = tls.insecure ? nil : pem
        request.collectCertificateInfo = certificates && tls.certMinDays != nil
    }
}
