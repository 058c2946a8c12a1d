import Foundation
import GRDB

/// The notification outbox and what was already announced, inside the store.
///
/// - `notification_event`: one row per event ever enqueued (its `NotificationEvent` as JSON); the id is stable,
///   so enqueuing the same change twice adds nothing.
/// - `notification_delivery`: one row per (event, channel) that wants it: attempts so far, when the next attempt
///   is due, the last failure, and when it was delivered or given up. A delivered row is never sent again.
/// - `notification_component_state`: per component, the automatic status last announced (or taken as the
///   starting point) and the first run of the stretch that announced it.
/// - `notification_announced`: per incident or maintenance window, the digest of each update or state change
///   already announced, so a re-run, or an edited typo in an old update, sends nothing new.
enum NotificationOutbox {
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE notification_event (
                id TEXT NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL,
                occurred_at_ms INTEGER NOT NULL,
                enqueued_at_ms INTEGER NOT NULL,
                payload TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE notification_delivery (
                event_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at_ms INTEGER NOT NULL,
                last_error TEXT,
                delivered_at_ms INTEGER,
                given_up_at_ms INTEGER,
                PRIMARY KEY (event_id, channel)
            ) WITHOUT ROWID;
            CREATE INDEX notification_delivery_open ON notification_delivery(channel)
                WHERE delivered_at_ms IS NULL AND given_up_at_ms IS NULL;
            CREATE TABLE notification_component_state (
                component_id TEXT NOT NULL PRIMARY KEY,
                status TEXT NOT NULL,
                first_run_id INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE notification_announced (
                notice_kind TEXT NOT NULL,
                notice_id TEXT NOT NULL,
                digest TEXT NOT NULL,
                announced_at_ms INTEGER NOT NULL,
                PRIMARY KEY (notice_kind, notice_id, digest)
            ) WITHOUT ROWID;
            """)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Adds each new event, and a delivery for every target (channel, or recipient of one) that accepts it; events already stored are left
    /// as they are (their deliveries too). Returns how many deliveries were added.
    @discardableResult
    static func enqueue(_ events: [NotificationEvent], targets: [DeliveryTarget], now: Date, in db: Database) throws -> Int {
        let nowMs = StoreTime.milliseconds(now)
        let encoder = Self.encoder
        var added = 0
        for event in events {
            let payload = String(decoding: try encoder.encode(event), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO notification_event (id, kind, occurred_at_ms, enqueued_at_ms, payload) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """, arguments: [event.id, event.kind.rawValue, StoreTime.milliseconds(event.occurredAt), nowMs, payload])
            guard db.changesCount > 0 else { continue }
            for target in targets where target.accepts(event) {
                try db.execute(sql: """
                    INSERT INTO notification_delivery (event_id, channel, attempts, next_attempt_at_ms) VALUES (?, ?, 0, ?)
                    """, arguments: [event.id, target.name, nowMs])
                added += 1
            }
        }
        return added
    }

    /// A delivery not yet delivered nor given up, with its event.
    struct OpenDelivery: Sendable {
        var event: NotificationEvent
        var channel: String
        var attempts: Int
        var nextAttemptAt: Date
    }

    /// Every open delivery, per channel oldest event first.
    static func openDeliveries(_ db: Database) throws -> [OpenDelivery] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.payload, d.channel, d.attempts, d.next_attempt_at_ms
            FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id
            WHERE d.delivered_at_ms IS NULL AND d.given_up_at_ms IS NULL
            ORDER BY d.channel, e.occurred_at_ms, e.id
            """)
        return try rows.map { row in
            let stored = StoredRow(row, of: "notification_delivery")
            let payload = try stored.text(0)
            guard let event = try? decoder.decode(NotificationEvent.self, from: Data(payload.utf8)) else {
                throw stored.damage(0, "an event that cannot be read")
            }
            return OpenDelivery(event: event, channel: try stored.text(1), attempts: try stored.count(2),
                                nextAttemptAt: try stored.instant(3))
        }
    }

    /// Counts an attempt before it is made: a process killed during the attempt leaves it counted and still
    /// due, so the next run tries again (at least once).
    static func beginAttempt(eventID: String, channel: String, in db: Database) throws {
        try db.execute(sql: """
            UPDATE notification_delivery SET attempts = attempts + 1 WHERE event_id = ? AND channel = ?
            """, arguments: [eventID, channel])
    }

    /// What came of an attempt. `retryAt` nil with a reason: given up.
    static func finishAttempt(eventID: String, channel: String, outcome: DeliveryOutcome, retryAt: Date?, now: Date,
                              in db: Database) throws {
        let nowMs = StoreTime.milliseconds(now)
        switch outcome {
        case .delivered:
            try db.execute(sql: """
                UPDATE notification_delivery SET delivered_at_ms = ?, last_error = NULL WHERE event_id = ? AND channel = ?
                """, arguments: [nowMs, eventID, channel])
        case .failed(let reason), .rejected(let reason):
            let retry: Date? = if case .failed = outcome { retryAt } else { nil }
            try db.execute(sql: """
                UPDATE notification_delivery SET last_error = ?, next_attempt_at_ms = coalesce(?, next_attempt_at_ms),
                    given_up_at_ms = CASE WHEN ? IS NULL THEN ? END
                WHERE event_id = ? AND channel = ?
                """, arguments: [reason, retry.map(StoreTime.milliseconds), retry.map(StoreTime.milliseconds), nowMs,
                                 eventID, channel])
        }
    }

    /// One delivery as `sitrep notify --status` lists it.
    struct DeliveryRecord: Sendable {
        var eventID: String
        var kind: String
        var occurredAt: Date
        var channel: String
        var attempts: Int
        var nextAttemptAt: Date
        var lastError: String?
        var deliveredAt: Date?
        var givenUpAt: Date?
    }

    static func deliveries(_ db: Database) throws -> [DeliveryRecord] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.event_id, e.kind, e.occurred_at_ms, d.channel, d.attempts, d.next_attempt_at_ms, d.last_error,
                   d.delivered_at_ms, d.given_up_at_ms
            FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id
            ORDER BY e.occurred_at_ms, d.event_id, d.channel
            """)
        return try rows.map { row in
            let stored = StoredRow(row, of: "notification_delivery")
            return DeliveryRecord(
                eventID: try stored.text(0), kind: try stored.text(1), occurredAt: try stored.instant(2),
                channel: try stored.text(3), attempts: try stored.count(4), nextAttemptAt: try stored.instant(5),
                lastError: try stored.optionalText(6),
                deliveredAt: try stored.optionalInteger(7).map(StoreTime.date),
                givenUpAt: try stored.optionalInteger(8).map(StoreTime.date))
        }
    }
}
