import Foundation

/// Reads the "Expire date" text libcurl reports for a certificate.
enum CertificateExpiryDate {
    /// Accepts OpenSSL's form (`Jan  5 12:00:00 2027 GMT`) and the ISO-like form other TLS backends use
    /// (`2027-01-05 12:00:00 GMT`). Returns nil for anything else.
    static func parse(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var components = DateComponents()
        components.timeZone = TimeZone(identifier: "UTC")
        if parts.count >= 4, let month = months.firstIndex(of: parts[0]) {
            components.month = month + 1
            components.day = Int(parts[1])
            components.year = Int(parts[3])
            guard setTime(parts[2], in: &components) else { return nil }
        } else if parts.count >= 2 {
            let date = parts[0].split(separator: "-").compactMap { Int($0) }
            guard date.count == 3, setTime(parts[1], in: &components) else { return nil }
            components.year = date[0]
            components.month = date[1]
            components.day = date[2]
        } else {
            return nil
        }
        guard components.year != nil, components.day != nil else { return nil }
        return Calendar(identifier: .gregorian).date(from: components)
    }

    /// `certificate` (degraded) when the certificate expires within `minimumDays`; nil when it does not or no date is known.
    static func problem(expiry: Date?, minimumDays: Int, now: Date) -> ProbeError? {
        guard let expiry else { return nil }
        let daysLeft = expiry.timeIntervalSince(now) / 86_400
        guard daysLeft < Double(minimumDays) else { return nil }
        let shown = max(0, Int(daysLeft.rounded(.down)))
        return ProbeError(kind: .certificate, message: "The TLS certificate expires in \(shown) days, sooner than the required \(minimumDays) days.")
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func setTime(_ text: String, in components: inout DateComponents) -> Bool {
        let time = text.split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return false }
        components.hour = time[0]
        components.minute = time[1]
        components.second = time[2]
        return true
    }
}
