import Foundation

/// The `email` and `sms` entries of `notifications.channels` (the notifications section hands each entry of
/// those types here after reading its `name`, `type`, `components` and `events`).
extension ConfigDecoder {
    mutating func decodeEmailChannel(_ reader: inout YAMLMapReader, name: String) -> EmailChannelSettings? {
        let url = expanded(&reader, "url", required: true)
        if let url, !Self.isMailURL(url) {
            reader.report("'\(reader.path("url"))' must be an smtp:// or smtps:// URL such as smtps://smtp.example.org:465",
                          at: reader.valueNode("url"))
        }
        let starttls = reader.bool("starttls") ?? true
        let username = expanded(&reader, "username", required: false)
        let password = expanded(&reader, "password", required: false)
        let fromText = expanded(&reader, "from", required: true)
        let from = fromText.flatMap(MailAddress.parse)
        if fromText != nil, from == nil {
            reader.report("'\(reader.path("from"))' must be an address such as \"Example Status <status@example.org>\"",
                          at: reader.valueNode("from"))
        }
        let to = expandedList(&reader, "to")
        for (index, address) in to.enumerated() where MailAddress.parse(address)?.displayName != nil || MailAddress.parse(address) == nil {
            reader.report("'\(reader.path("to"))' item \(index + 1) is not a plain email address (local@domain)",
                          at: reader.valueNode("to"))
        }
        let unsubscribe = expanded(&reader, "unsubscribe_url", required: false)
        if let unsubscribe, !Self.isSignupURL(unsubscribe) {
            reader.report("'\(reader.path("unsubscribe_url"))' must be a mailto:, http:// or https:// URL",
                          at: reader.valueNode("unsubscribe_url"))
        }
        let caFile = reader.string("ca_file").map(resolve)
        let insecure = reader.bool("insecure") ?? false
        guard let url, let from, collector.isEmpty else { return nil }
        return EmailChannelSettings(
            name: name, url: url, starttls: starttls, username: username, password: password, from: from,
            to: to.compactMap { MailAddress.parse($0)?.address }, unsubscribeURL: unsubscribe,
            caFile: caFile, insecure: insecure, redactor: expander.redactor)
    }

    mutating func decodeSMSChannel(_ reader: inout YAMLMapReader, name: String) -> SMSChannelSettings? {
        let url = expanded(&reader, "url", required: false)
        if let url, !Self.isAbsoluteWebURL(url) {
            reader.report("'\(reader.path("url"))' must be an absolute http:// or https:// URL", at: reader.valueNode("url"))
        }
        let accountSID = expanded(&reader, "account_sid", required: true)
        let authToken = expanded(&reader, "auth_token", required: true)
        let from = expanded(&reader, "from", required: true)
        let to = expandedList(&reader, "to")
        for (index, number) in to.enumerated() where !PhoneNumber.isValid(number) {
            reader.report("'\(reader.path("to"))' item \(index + 1) must be an international number: '+' and 6 to 15 digits",
                          at: reader.valueNode("to"))
        }
        guard let accountSID, let authToken, let from, collector.isEmpty else { return nil }
        return SMSChannelSettings(name: name, url: url, accountSID: accountSID, authToken: authToken, from: from, to: to,
                                  redactor: expander.redactor)
    }

    /// `notifications.signup_url`: a mailto or a web form.
    mutating func decodeSignupURL(_ reader: inout YAMLMapReader) -> String? {
        guard let url = reader.string("signup_url") else { return nil }
        guard Self.isSignupURL(url) else {
            reader.report("'\(reader.path("signup_url"))' must be a mailto:, http:// or https:// URL", at: reader.valueNode("signup_url"))
            return nil
        }
        return url
    }

    /// A list of text values with `${VAR}` expanded in each (a single value is a one-item list).
    private mutating func expandedList(_ reader: inout YAMLMapReader, _ key: String) -> [String] {
        let node = reader.valueNode(key)
        return (reader.stringList(key) ?? []).compactMap { raw in
            expand(raw, key: reader.path(key), at: node, reader: reader)
        }
    }

    static func isMailURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "smtp" || scheme == "smtps", let host = components.host, !host.isEmpty else { return false }
        return true
    }

    static func isSignupURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:") { return MailAddress.parse(String(text.dropFirst(7).prefix { $0 != "?" })) != nil }
        return isAbsoluteWebURL(text)
    }
}
