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
        let targets = try DeliveryTarget.load(config)
        let store = try ResultStore.open(at: config.paths.database)
        let content = SiteValidator.readContent(config: config).0
        try store.writeNotifications { db in
            let events = try detect(config: config, content: content, now: now, in: db)
            try NotificationOutbox.enqueue(events, targets: targets, now: now, in: db)
        }
        let report = try await deliver(config: config, targets: targets, store: store)
        try store.close()
        return report
    }

    /// Every delivery that is due, on every target.
    static func deliver(config: SiteConfig, targets: [DeliveryTarget], store: ResultStore) async throws -> DeliveryReport {
        let transport = NotificationTransport()
        do {
            let channels = try NotificationChannels.make(targets, config: config, transport: transport)
            let report = try await NotificationDelivery.run(store: store, settings: config.notifications,
                                                            channels: channels, site: site(config))
            await transport.close()
            return report
        } catch {
            await transport.close()
            throw error
        }
    }

    private static func detect(config: SiteConfig, content: SiteContent, now: Date, in db: Database) throws -> [NotificationEvent] {
        let status = try ComponentStatusDetector(config: config).detect(in: db)
        let notices = try NoticeChangeDetector(config: config, content: content, now: now).detect(in: db)
        return status + notices
    }

    /// What `run` would send now, written out (each message's target, event and what it carries); changes
    /// nothing and sends nothing.
    public static func dryRun(config: SiteConfig, now: Date) async throws -> String {
        let settings = config.notifications
        guard !settings.channels.isEmpty else { return "No notification channels are configured.\n" }
        let targets = try DeliveryTarget.load(config)
        let store = try ResultStore.open(at: config.paths.database)
        defer { try? store.close() }
        let content = SiteValidator.readContent(config: config).0
        var planned: [(target: String, event: NotificationEvent)] = []
        try store.rehearseNotifications { db in
            let open = try NotificationOutbox.openDeliveries(db).filter { $0.nextAttemptAt <= Date() }
            planned = open.map { ($0.channel, $0.event) }
            for event in try detect(config: config, content: content, now: now, in: db) {
                for target in targets where target.accepts(event) { planned.append((target.name, event)) }
            }
        }
        guard !planned.isEmpty else { return "Nothing to send.\n" }
        // Nothing is sent: the channels only render their messages, so the transport is closed at once.
        let transport = NotificationTransport()
        let made = Result { () throws(DiagnosticsError) in try NotificationChannels.make(targets, config: config, transport: transport) }
        await transport.close()
        let channels = Dictionary(try made.get().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var out = ""
        for item in planned {
            out += "would send \(item.event.id) (\(item.event.kind.rawValue)) to '\(item.target)'\n"
            if let channel = channels[item.target] as? any PreviewableChannel {
                out += channel.preview(item.event, site: site(config)) + "\n"
            }
        }
        return out
    }

    /// Sends one test message on a channel, outside the outbox: to each of an email or SMS channel's recipients.
    /// nil when no channel has that name.
    public static func test(config: SiteConfig, channel name: String) async throws -> [(target: String, outcome: DeliveryOutcome)]? {
        guard config.notifications.channel(named: name) != nil else { return nil }
        let targets = try DeliveryTarget.load(config).filter { $0.config.name == name }
        let transport = NotificationTransport()
        let channels: [any NotificationChannel]
        do {
            channels = try NotificationChannels.make(targets, config: config, transport: transport)
        } catch {
            await transport.close()
            throw error
        }
        let now = Date()
        let event = NotificationEvent(
            id: "test-\(StoreTime.milliseconds(now))", kind: .test, occurredAt: now, componentIDs: [],
            subject: .notice(NotificationNotice(kind: .incident, id: "test", title: "Test", status: "test", impact: "none",
                                                updateBody: "", updateAt: now, pageURL: config.site.url + "/", components: [])))
        let timeout = Duration.milliseconds(config.notifications.timeoutMs)
        let outcomes = await withTaskGroup(of: (Int, String, DeliveryOutcome).self) { group in
            for (index, channel) in channels.enumerated() {
                group.addTask {
                    let key = NotificationChannels.idempotencyKey(eventID: event.id, channel: channel.name)
                    return (index, channel.name, await channel.deliver(event, site: site(config), idempotencyKey: key, timeout: timeout))
                }
            }
            var all: [(Int, String, DeliveryOutcome)] = []
            for await result in group { all.append(result) }
            return all.sorted { $0.0 < $1.0 }.map { (target: $0.1, outcome: $0.2) }
        }
        await transport.close()
        return outcomes
    }

    static func site(_ config: SiteConfig) -> NotificationSite {
        NotificationSite(title: config.site.title, url: config.site.url, timeZone: config.site.timezone)
    }

}
