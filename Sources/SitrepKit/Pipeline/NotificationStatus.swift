import Foundation

/// `sitrep notify --status`: per channel, what was delivered, what waits, what failed and why.
public struct NotificationStatus: Sendable {
    public struct Channel: Sendable {
        public var name: String
        /// nil: no longer in the config.
        public var type: String?
        public var delivered = 0
        public var pending = 0
        public var givenUp = 0
        public var lastError: String?
        public var nextAttemptAt: Date?
    }

    public var channels: [Channel]
    fileprivate var deliveries: [NotificationOutbox.DeliveryRecord]

    /// Reads the outbox (never writes; a database without one has nothing to show).
    public static func read(config: SiteConfig) throws -> NotificationStatus {
        var records: [NotificationOutbox.DeliveryRecord] = []
        if let store = try ResultStore.openForReading(at: config.paths.database) {
            records = try store.readNotifications { db in
                try db.tableExists("notification_delivery") ? try NotificationOutbox.deliveries(db) : []
            }
            try store.close()
        }
        var channels = config.notifications.channels.map { Channel(name: $0.name, type: $0.type.rawValue) }
        for record in records {
            if !channels.contains(where: { $0.name == record.channel }) {
                channels.append(Channel(name: record.channel, type: nil))
            }
            guard let index = channels.firstIndex(where: { $0.name == record.channel }) else { continue }
            if record.deliveredAt != nil {
                channels[index].delivered += 1
            } else if record.givenUpAt != nil {
                channels[index].givenUp += 1
                channels[index].lastError = record.lastError
            } else {
                channels[index].pending += 1
                if let error = record.lastError { channels[index].lastError = error }
                // A channel's oldest open delivery goes first: its time is the channel's next attempt.
                if channels[index].nextAttemptAt == nil { channels[index].nextAttemptAt = record.nextAttemptAt }
            }
        }
        return NotificationStatus(channels: channels, deliveries: records)
    }

    public var table: String {
        guard !channels.isEmpty else { return "No notification channels are configured.\n" }
        let rows = channels.map { channel in
            [channel.name, channel.type ?? "(not configured)", "\(channel.delivered)", "\(channel.pending)",
             "\(channel.givenUp)", channel.nextAttemptAt.map(Timestamp.json) ?? "-", channel.lastError ?? "-"]
        }
        return TextTable.render(header: ["CHANNEL", "TYPE", "DELIVERED", "PENDING", "GIVEN UP", "NEXT ATTEMPT", "LAST ERROR"],
                                rows: rows) + "\n"
    }

    public var json: String {
        let channelValues = channels.map { channel -> JSONValue in
            .object([
                "name": .string(channel.name), "type": .string(channel.type), "configured": .bool(channel.type != nil),
                "delivered": .int(channel.delivered), "pending": .int(channel.pending), "given_up": .int(channel.givenUp),
                "last_error": .string(channel.lastError), "next_attempt_at": .time(channel.nextAttemptAt),
            ])
        }
        let deliveryValues = deliveries.map { record -> JSONValue in
            let state = record.deliveredAt != nil ? "delivered" : record.givenUpAt != nil ? "given_up" : "pending"
            return .object([
                "event_id": .string(record.eventID), "kind": .string(record.kind), "occurred_at": .time(record.occurredAt),
                "channel": .string(record.channel), "attempts": .int(record.attempts), "state": .string(state),
                "last_error": .string(record.lastError), "delivered_at": .time(record.deliveredAt),
                "next_attempt_at": .time(state == "pending" ? record.nextAttemptAt : nil),
            ])
        }
        return JSONValue.object(["channels": .array(channelValues), "deliveries": .array(deliveryValues)]).serialized() + "\n"
    }
}
