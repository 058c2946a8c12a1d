import Foundation
import GRDB

/// `sitrep notify` and the notification step of `sitrep run`: find what changed (incidents and maintenance by
/// their content; component statuses that a probe append has not yet enqueued), enqueue it in the transaction
/// that records it as announced, then deliver what is due.
public enum NotifyPipeline {
    /// Detects, enqueues and delivers. Nothing at all when no channel is configured.
    public static func run(config: SiteConfig, now: Date) async throws -> DeliveryReport {
        let settings = config.notifications
        guard !settings.channels.isEmpty else { return DeliveryReport() }
        let store = try ResultStore.open(at: config.paths.database)
        let content = SiteValidator.readContent(config: config).0
        try store.writeNotifications { db in
            let events = try detect(config: config, content: content, now: now, in: db)
            try NotificationOutbox.enqueue(events, channels: settings.channels, now: now, in: db)
        }
        let report = try await deliver(config: config, store: store)
        try store.close()
        return report
    }

    /// Every delivery that is due, on every channel.
    static func deliver(config: SiteConfig, store: ResultStore) async throws -> DeliveryReport {
        let engine = NotificationEngine()
        let channels = config.notifications.channels.map {
            NotificationChannels.make($0, engine: engine, redactor: config.secrets)
        }
        do {
            let report = try await NotificationDelivery.run(store: store, settings: config.notifications,
                                                            channels: channels, site: site(config))
            await engine.shutdown()
            return report
        } catch {
            await engine.shutdown()
            throw error
        }
    }

    private static func detect(config: SiteConfig, content: SiteContent, now: Date, in db: Database) throws -> [NotificationEvent] {
        let status = try ComponentStatusDetector(config: config).detect(in: db)
        let notices = try NoticeChangeDetector(config: config, content: content, now: now).detect(in: db)
        return status + notices
    }

    /// What `run` would send now, written out (each message's channel, event and body); changes nothing.
    public static func dryRun(config: SiteConfig, now: Date) throws -> String {
        let settings = config.notifications
        guard !settings.channels.isEmpty else { return "No notification channels are configured.\n" }
        let store = try ResultStore.open(at: config.paths.database)
        defer { try? store.close() }
        let content = SiteValidator.readContent(config: config).0
        var planned: [(channel: String, event: NotificationEvent)] = []
        try store.rehearseNotifications { db in
            let open = try NotificationOutbox.openDeliveries(db).filter { $0.nextAttemptAt <= Date() }
            planned = open.map { ($0.channel, $0.event) }
            for event in try detect(config: config, content: content, now: now, in: db) {
                for channel in settings.channels where channel.accepts(event) { planned.append((channel.name, event)) }
            }
        }
        guard !planned.isEmpty else { return "Nothing to send.\n" }
        let engine = NotificationEngine()
        let channels = Dictionary(settings.channels.map { ($0.name, NotificationChannels.make($0, engine: engine, redactor: config.secrets)) },
                                  uniquingKeysWith: { first, _ in first })
        var out = ""
        for item in planned {
            out += "would send \(item.event.id) (\(item.event.kind.rawValue)) to '\(item.channel)'\n"
            if let channel = channels[item.channel] as? HTTPChannel {
                out += String(decoding: channel.body(item.event, site: site(config)), as: UTF8.self) + "\n"
            }
        }
        return out
    }

    /// Sends one test message to a channel, outside the outbox.
    public static func test(config: SiteConfig, channel name: String) async -> DeliveryOutcome? {
        guard let channelConfig = config.notifications.channel(named: name) else { return nil }
        let engine = NotificationEngine()
        let channel = NotificationChannels.make(channelConfig, engine: engine, redactor: config.secrets)
        let now = Date()
        let event = NotificationEvent(
            id: "test-\(StoreTime.milliseconds(now))", kind: .test, occurredAt: now, componentIDs: [],
            subject: .notice(NotificationNotice(kind: .incident, id: "test", title: "Test", status: "test", impact: "none",
                                                updateBody: "", updateAt: now, pageURL: config.site.url + "/", components: [])))
        let outcome = await channel.deliver(event, site: site(config), idempotencyKey: event.id,
                                            timeout: .milliseconds(config.notifications.timeoutMs))
        await engine.shutdown()
        return outcome
    }

    static func site(_ config: SiteConfig) -> NotificationSite {
        NotificationSite(title: config.site.title, url: config.site.url, timeZone: config.site.timezone)
    }

}
