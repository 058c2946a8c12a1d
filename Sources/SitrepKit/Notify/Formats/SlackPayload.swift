import Foundation

/// A Slack incoming-webhook message: a `text` fallback and Block Kit blocks (a header, the update as `mrkdwn`,
/// the facts as fields, a link). Slack's own escaping (`&`, `<`, `>`) is applied to every piece of text, so
/// content can neither ping a channel (`<!channel>`) nor forge a link.
enum SlackPayload {
    static func body(_ message: NotificationMessage) -> Data {
        var blocks: [JSONValue] = [
            .object(["type": .string("header"),
                     "text": .object(["type": .string("plain_text"), "text": .string(String(message.title.prefix(150)))])]),
        ]
        if !message.text.isEmpty {
            blocks.append(.object(["type": .string("section"),
                                   "text": .object(["type": .string("mrkdwn"), "text": .string(escaped(message.text))])]))
        }
        if !message.facts.isEmpty {
            blocks.append(.object(["type": .string("section"), "fields": .array(message.facts.map { fact in
                .object(["type": .string("mrkdwn"), "text": .string("*\(escaped(fact.name))*\n\(escaped(fact.value))")])
            })]))
        }
        blocks.append(.object(["type": .string("context"), "elements": .array([
            .object(["type": .string("mrkdwn"), "text": .string("<\(escaped(message.url))|View on the status page>")]),
        ])]))
        let document: JSONMembers = [
            "text": .string(escaped("\(message.title): \(message.url)")),
            "blocks": .array(blocks),
        ]
        return JSONValue.object(document).data
    }

    /// Slack's three control characters in message text.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
