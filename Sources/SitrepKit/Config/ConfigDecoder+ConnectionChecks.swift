import Foundation

/// Decoding of the checks that connect to `host:port`: `tcp` and the protocol checks.
extension ConfigDecoder {
    /// The port each protocol listens on unless told otherwise; `tcp` has none.
    static func defaultPort(for type: CheckType) -> Int? {
        switch type {
        case .postgres: 5432
        case .redis: 6379
        case .amqp: 5672
        case .smtp: 25
        case .tls: 443
        case .http, .tcp, .dns, .flow: nil
        }
    }

    /// The target and its display form (`host:port` as written, before `${VAR}` expansion).
    mutating func decodeConnectionCheck(_ reader: inout YAMLMapReader, type: CheckType) -> (CheckTarget?, String) {
        let host = expanded(&reader, "host", required: true)
        let fallbackPort = Self.defaultPort(for: type)
        let port = reader.int("port", required: fallbackPort == nil, range: 1...65_535) ?? fallbackPort
        let display = "\(reader.rawString("host") ?? ""):\(port.map(String.init) ?? "")"
        let exchange: ProtocolExchange?
        switch type {
        case .tcp:
            let send = expanded(&reader, "send", required: false).map { Data($0.utf8) }
            let expect = decodeReplyExpectation(&reader)
            guard send != nil || expect != nil else {
                guard let host, let port else { return (nil, display) }
                return (.tcp(host: host, port: port), display)
            }
            exchange = .tcp(send: send, expect: expect)
        case .postgres:
            let user = reader.string("user") ?? "sitrep"
            exchange = .postgres(user: user, database: reader.string("database") ?? user)
        case .redis:
            exchange = decodeRedis(&reader).map(ProtocolExchange.redis)
        case .amqp:
            exchange = .amqp
        case .smtp:
            let starttls = reader.bool("starttls") ?? false
            let options = decodeTLSOptions(&reader)
            if options.certMinDays != nil, !starttls {
                reader.report("'\(reader.path("cert_min_days"))' needs 'starttls: true' (without it no certificate is seen)",
                              at: reader.valueNode("cert_min_days"))
            }
            exchange = .smtp(starttls: starttls, tls: options)
        case .tls:
            exchange = .tls(decodeTLSOptions(&reader))
        case .http, .dns, .flow:
            exchange = nil
        }
        guard let host, let port, let exchange else { return (nil, display) }
        return (.conversation(ProtocolCheck(host: host, port: port, exchange: exchange)), display)
    }

    private func decodeTLSOptions(_ reader: inout YAMLMapReader) -> TLSOptions {
        TLSOptions(caFile: readableCAFile(&reader), insecure: reader.bool("insecure") ?? false,
                   certMinDays: reader.int("cert_min_days", range: 0...3650))
    }

    /// `expect: TEXT` (the reply contains these bytes) or `expect: {contains: TEXT}` / `expect: {regex: PATTERN}`.
    private mutating func decodeReplyExpectation(_ reader: inout YAMLMapReader) -> ReplyExpectation? {
        guard let node = reader.valueNode("expect") else {
            _ = reader.value("expect")
            return nil
        }
        if node.scalarText != nil {
            return expanded(&reader, "expect", required: false).map { .contains(Data($0.utf8)) }
        }
        guard var map = reader.map("expect") else { return nil }
        defer { map.finish() }
        let contains = expanded(&map, "contains", required: false)
        let pattern = map.string("regex")
        switch (contains, pattern) {
        case (let text?, nil):
            return .contains(Data(text.utf8))
        case (nil, let pattern?):
            guard (try? NSRegularExpression(pattern: pattern)) != nil else {
                map.report("'\(map.path("regex"))' is not a valid regular expression: \(pattern)", at: map.valueNode("regex"))
                return nil
            }
            return .regex(pattern)
        default:
            map.report("'\(reader.path("expect"))' must have exactly one of 'contains' or 'regex'")
            return nil
        }
    }

    /// `username`, `password` (usually `${VAR}`) and `expect` on `INFO` fields.
    private mutating func decodeRedis(_ reader: inout YAMLMapReader) -> RedisExchange? {
        var exchange = RedisExchange(username: expanded(&reader, "username", required: false),
                                     password: expanded(&reader, "password", required: false))
        if exchange.username != nil, exchange.password == nil {
            reader.report("'\(reader.path("username"))' needs a 'password' as well", at: reader.valueNode("username"))
        }
        guard var map = reader.map("expect") else { return exchange }
        defer { map.finish() }
        for field in map.keys {
            let node = map.value(field)
            guard let text = node?.scalarText, let expectation = InfoFieldExpectation.parse(field: field, text) else {
                map.report("'\(map.path(field))' must be a value such as \"master\" or a comparison such as \">= 1\" "
                           + "(==, !=, >=, <=, >, < with a number)", at: node)
                continue
            }
            exchange.info.append(expectation)
        }
        return exchange
    }
}
