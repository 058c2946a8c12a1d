import Foundation

/// One delivery round: every channel at once, each channel's open deliveries oldest first. An attempt is
/// counted before it is made and its outcome stored as soon as it is known, so a process killed mid-round
/// loses no event and never sends again what was delivered. A channel stops for the round at its first
/// failure (what follows waits for the retry, in order), so a dead channel costs at most one timeout, and
/// never delays the others, which run beside it.
enum NotificationDelivery {
    static func run(store: ResultStore, settings: NotificationSettings, channels: [any NotificationChannel],
                    site: NotificationSite, now: @escaping @Sendable () -> Date = { Date() }) async throws -> DeliveryReport {
        let open = try store.readNotifications { db in try NotificationOutbox.openDeliveries(db) }
        let byChannel = Dictionary(grouping: open, by: \.channel)
        let timeout = Duration.milliseconds(settings.timeoutMs)
        var report = DeliveryReport()
        for name in byChannel.keys.sorted() where !channels.contains(where: { $0.name == name }) {
            report.unconfigured += byChannel[name]?.count ?? 0
        }
        try await withThrowingTaskGroup(of: DeliveryReport.self) { group in
            for channel in channels {
                guard let deliveries = byChannel[channel.name], !deliveries.isEmpty else { continue }
                group.addTask {
                    try await deliverInOrder(deliveries, to: channel, store: store, settings: settings, site: site,
                                             timeout: timeout, now: now)
                }
            }
            for try await part in group { report.add(part) }
        }
        report.failures.sort { ($0.channel, $0.eventID) < ($1.channel, $1.eventID) }
        return report
    }

    private static func deliverInOrder(
        _ deliveries: [NotificationOutbox.OpenDelivery], to channel: any NotificationChannel, store: ResultStore,
        settings: NotificationSettings, site: NotificationSite, timeout: Duration, now: @Sendable () -> Date
    ) async throws -> DeliveryReport {
        var report = DeliveryReport()
        for (index, delivery) in deliveries.enumerated() {
            guard delivery.nextAttemptAt <= now() else {
                report.waiting += deliveries.count - index
                break
            }
            let eventID = delivery.event.id
            try store.writeNotifications { db in
                try NotificationOutbox.beginAttempt(eventID: eventID, channel: channel.name, in: db)
            }
            let key = NotificationChannels.idempotencyKey(eventID: eventID, channel: channel.name)
            let outcome = await channel.deliver(delivery.event, site: site, idempotencyKey: key, timeout: timeout)
            let attempts = delivery.attempts + 1
            let finished = now()
            var retryAt: Date?
            if case .failed = outcome, attempts < settings.retry.maxAttempts {
                retryAt = finished.addingTimeInterval(Double(settings.retry.delaySeconds(afterAttempts: attempts)))
            }
            try store.writeNotifications { db in
                try NotificationOutbox.finishAttempt(eventID: eventID, channel: channel.name, outcome: outcome,
                                                     retryAt: retryAt, now: finished, in: db)
            }
            switch outcome {
            case .delivered:
                report.delivered += 1
            case .rejected(let reason):
                report.failures.append(.init(channel: channel.name, eventID: eventID, reason: reason, retryAt: nil))
            case .failed(let reason):
                report.failures.append(.init(channel: channel.name, eventID: eventID, reason: reason, retryAt: retryAt))
                report.waiting += deliveries.count - index - 1
                return report
            }
        }
        return report
    }
}

/// What a delivery round did.
public struct DeliveryReport: Sendable, Hashable {
    public struct Failure: Sendable, Hashable {
        public var channel: String
        public var eventID: String
        /// Free of secrets and personal data.
        public var reason: String
        /// When it is tried again; nil: given up (rejected, or out of attempts).
        public var retryAt: Date?
    }

    public var delivered = 0
    public var failures: [Failure] = []
    /// Deliveries not tried this round: waiting for their retry time, or behind a failed one on their channel.
    public var waiting = 0
    /// Open deliveries of channels no longer in the config (kept, never sent).
    public var unconfigured = 0

    public init() {}

    mutating func add(_ other: DeliveryReport) {
        delivered += other.delivered
        failures += other.failures
        waiting += other.waiting
        unconfigured += other.unconfigured
    }

    /// `notifications: 2 delivered, 1 failed, 3 waiting`.
    public var line: String {
        var parts = ["\(delivered) delivered"]
        if !failures.isEmpty { parts.append("\(failures.count) failed") }
        if waiting > 0 { parts.append("\(waiting) waiting") }
        if unconfigured > 0 { parts.append("\(unconfigured) for channels no longer configured") }
        return "notifications: " + parts.joined(separator: ", ")
    }

    /// One sentence per failure, for stderr.
    public var failureLines: [String] {
        failures.map { failure in
            let next = failure.retryAt.map { "retry after \(Timestamp.json($0))" } ?? "given up"
            return "sitrep: notification \(failure.eventID) to channel '\(failure.channel)' failed: \(failure.reason) (\(next))"
        }
    }
}
