import Foundation

/// A Discord webhook message: one embed (title linking to the page, the update as description, the facts as
/// fields, the event's colour and time). `allowed_mentions` is empty, so text like `@everyone` pings nobody.
enum DiscordPayload {
    static func body(_ message: NotificationMessage) -> Data {
        let embed: JSONMembers = [
            "title": .string(String(message.title.prefix(256))),
            "url": .string(message.url),
            "description": .string(String(message.text.prefix(4000))),
            "color": .int(Int(message.colorHex, radix: 16) ?? 0),
            "timestamp": .time(message.at),
            "fields": .array(message.facts.map { fact in
                .object(["name": .string(fact.name), "value": .string(String(fact.value.prefix(1024))), "inline": .bool(true)])
            }),
        ]
        let document: JSONMembers = [
            "embeds": .array([.object(embed)]),
            "allowed_mentions": .object(["parse": .array([])]),
        ]
        return JSONValue.object(document).data
    }
}
