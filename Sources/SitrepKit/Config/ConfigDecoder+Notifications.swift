import Foundation

extension ConfigDecoder {
    /// `notifications:`: hold, timeout, retry and the channels. Every problem names its key and line.
    mutating func decodeNotifications(_ reader: inout YAMLMapReader?, components: [ComponentConfig]) -> NotificationSettings {
        guard var section = reader else { return .none }
        var settings = NotificationSettings()
        if var hold = section.map("hold") {
            settings.hold.runs = hold.int("runs", range: 1...10_000) ?? settings.hold.runs
            settings.hold.minutes = hold.int("minutes", range: 0...10_080) ?? settings.hold.minutes
            hold.finish()
        }
        settings.timeoutMs = section.int("timeout_ms", range: 1...120_000) ?? settings.timeoutMs
        if var retry = section.map("retry") {
            settings.retry.initialSeconds = retry.int("initial_seconds", range: 0...86_400) ?? settings.retry.initialSeconds
            settings.retry.maxSeconds = retry.int("max_seconds", range: 0...604_800) ?? settings.retry.maxSeconds
            settings.retry.maxAttempts = retry.int("max_attempts", range: 1...1000) ?? settings.retry.maxAttempts
            retry.finish()
        }
        settings.maxAgeHours = section.int("max_age_hours", range: 0...8760) ?? settings.maxAgeHours
        settings.signupURL = decodeSignupURL(&section)
        settings.subscribersFile = section.string("subscribers").map(resolve)
        let known = Set(components.map(\.id))
        for (index, node) in (section.list("channels") ?? []).enumerated() {
            guard var channelReader = YAMLMapReader(node, keyPath: "\(section.path("channels"))[\(index)]",
                                                    collector: collector) else { continue }
            if let channel = decodeChannel(&channelReader, knownComponents: known) {
                if settings.channels.contains(where: { $0.name == channel.name }) {
                    channelReader.report("duplicate channel name '\(channel.name)'", at: channelReader.valueNode("name"))
                } else {
                    settings.channels.append(channel)
                }
            }
            channelReader.finish()
        }
        reader = section
        return settings
    }

    /// One `notifications.channels[]` item. The switch on `type` is where each kind of channel reads its keys.
    private mutating func decodeChannel(_ reader: inout YAMLMapReader, knownComponents: Set<String>) -> ChannelConfig? {
        let name = checkedID(&reader, key: "name", required: true, what: "channel")
        let type = reader.enumValue("type", ChannelType.self, required: true)
        let limits = DeliveryLimitsReader.read(&reader, componentIDs: knownComponents)
        guard let type else {
            for key in reader.keys { _ = reader.value(key) }
            return nil
        }
        let transport: ChannelTransport?
        switch type {
        case .webhook, .slack, .discord, .teams:
            transport = decodeHTTPChannel(&reader, signed: type == .webhook).map(ChannelTransport.http)
        case .email:
            transport = decodeEmailChannel(&reader, name: name ?? "").map(ChannelTransport.email)
        case .sms:
            transport = decodeSMSChannel(&reader, name: name ?? "").map(ChannelTransport.sms)
        }
        guard let name, let limits, let transport else { return nil }
        return ChannelConfig(name: name, type: type, limits: limits, transport: transport)
    }

    private mutating func decodeHTTPChannel(_ reader: inout YAMLMapReader, signed: Bool) -> HTTPChannelSettings? {
        let display = MaskedURL.masked(reader.rawString("url") ?? "")
        let url = expanded(&reader, "url", required: true)
        if let url, !url.contains("${"), !Self.isAbsoluteWebURL(url) {
            reader.report("'\(reader.path("url"))' must be an absolute http:// or https:// URL", at: reader.valueNode("url"))
            return nil
        }
        var secret: String?
        if signed {
            secret = expanded(&reader, "secret", required: false)
        }
        guard let url else { return nil }
        return HTTPChannelSettings(url: url, displayURL: display, secret: secret)
    }
}
