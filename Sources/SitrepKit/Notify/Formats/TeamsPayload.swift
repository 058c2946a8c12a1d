import Foundation

/// A Microsoft Teams incoming-webhook (Workflows) message: one Adaptive Card 1.4 attachment with the title, the
/// update, the facts as a `FactSet` and an `Action.OpenUrl` to the page.
enum TeamsPayload {
    static func body(_ message: NotificationMessage) -> Data {
        var items: [JSONValue] = [
            .object(["type": .string("TextBlock"), "text": .string(message.title), "weight": .string("Bolder"),
                     "size": .string("Medium"), "wrap": .bool(true), "color": .string(color(message.tone))]),
        ]
        if !message.text.isEmpty {
            items.append(.object(["type": .string("TextBlock"), "text": .string(message.text), "wrap": .bool(true)]))
        }
        if !message.facts.isEmpty {
            items.append(.object(["type": .string("FactSet"), "facts": .array(message.facts.map { fact in
                .object(["title": .string(fact.name), "value": .string(fact.value)])
            })]))
        }
        let card: JSONMembers = [
            "$schema": .string("http://adaptivecards.io/schemas/adaptive-card.json"),
            "type": .string("AdaptiveCard"),
            "version": .string("1.4"),
            "body": .array(items),
            "actions": .array([.object(["type": .string("Action.OpenUrl"), "title": .string("View on the status page"),
                                        "url": .string(message.url)])]),
        ]
        let document: JSONMembers = [
            "type": .string("message"),
            "attachments": .array([.object([
                "contentType": .string("application/vnd.microsoft.card.adaptive"),
                "contentUrl": .null,
                "content": .object(card),
            ])]),
        ]
        return JSONValue.object(document).data
    }

    private static func color(_ tone: NotificationMessage.Tone) -> String {
        switch tone {
        case .good: "Good"
        case .warning: "Warning"
        case .danger: "Attention"
        case .info: "Accent"
        }
    }
}
