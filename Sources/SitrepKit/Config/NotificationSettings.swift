import Foundation

/// `notifications:` in sitrep.yml: who is told about changes, and how hard sitrep tries.
public struct NotificationSettings: Sendable {
    public var hold: HoldSettings
    /// Hard deadline of one delivery attempt, connection included.
    public var timeoutMs: Int
    public var retry: RetrySettings
    /// An incident or maintenance update first seen more than this long after it happened is recorded as
    /// announced without being sent (turning notifications on does not replay the site's history).
    public var maxAgeHours: Int
    public var channels: [ChannelConfig]
    /// `signup_url`: the email sign-up link of the Subscribe page (a `mailto:` or a form run elsewhere).
    public var signupURL: String?
    /// `subscribers`: the file of personal addresses and numbers (`SubscriberFile`), kept out of the repository.
    public var subscribersFile: URL?

    public init(hold: HoldSettings = HoldSettings(), timeoutMs: Int = 10_000, retry: RetrySettings = RetrySettings(),
                maxAgeHours: Int = 24, channels: [ChannelConfig] = []) {
        self.hold = hold
        self.timeoutMs = timeoutMs
        self.retry = retry
        self.maxAgeHours = maxAgeHours
        self.channels = channels
    }

    /// No `notifications:` section: nothing is detected, stored or sent.
    public static let none = NotificationSettings()

    public func channel(named name: String) -> ChannelConfig? { channels.first { $0.name == name } }
}

/// How long a component's new automatic status must last before it is announced (recovery alike): at least
/// `runs` consecutive probe runs and at least `minutes` minutes from the first run that saw it.
public struct HoldSettings: Sendable, Hashable {
    public var runs: Int
    public var minutes: Int

    public init(runs: Int = 2, minutes: Int = 0) {
        self.runs = runs
        self.minutes = minutes
    }
}

/// Retries of a failed delivery, on later runs: the n-th retry waits `initialSeconds · 2^(n-1)`, at most
/// `maxSeconds`; after `maxAttempts` attempts the delivery is given up (and shown so in `notify --status`).
public struct RetrySettings: Sendable, Hashable {
    public var initialSeconds: Int
    public var maxSeconds: Int
    public var maxAttempts: Int

    public init(initialSeconds: Int = 60, maxSeconds: Int = 3600, maxAttempts: Int = 10) {
        self.initialSeconds = initialSeconds
        self.maxSeconds = maxSeconds
        self.maxAttempts = maxAttempts
    }

    /// Seconds to wait after the `attempts`-th failed attempt.
    public func delaySeconds(afterAttempts attempts: Int) -> Int {
        guard initialSeconds > 0 else { return 0 }
        let doublings = min(max(attempts - 1, 0), 30)
        return min(maxSeconds, initialSeconds.multipliedReportingOverflow(by: 1 << doublings).partialValue)
    }
}

/// The kinds of channel `notifications.channels[].type` names.
public enum ChannelType: String, Sendable, Hashable, CaseIterable {
    case webhook, slack, discord, teams, email, sms
}

/// One configured channel.
public struct ChannelConfig: Sendable {
    public var name: String
    public var type: ChannelType
    /// `components:` and `events:`: the one filter of channels and subscribers alike.
    public var limits: DeliveryLimits
    public var transport: ChannelTransport

    public init(name: String, type: ChannelType, limits: DeliveryLimits = DeliveryLimits(), transport: ChannelTransport) {
        self.name = name
        self.type = type
        self.limits = limits
        self.transport = transport
    }

    public func accepts(_ event: NotificationEvent) -> Bool { limits.accepts(event) }
}

/// Where and how a channel sends.
public enum ChannelTransport: Sendable {
    case http(HTTPChannelSettings)
    /// One delivery per recipient (`DeliveryTarget`).
    case email(EmailChannelSettings)
    case sms(SMSChannelSettings)
}

/// A channel that POSTs JSON to a URL (webhook, Slack, Discord, Teams).
public struct HTTPChannelSettings: Sendable {
    /// With `${VAR}` expanded: a secret, never shown (messages use `displayURL`).
    public var url: String
    /// As written in the config, masked (`MaskedURL`).
    public var displayURL: String
    /// HMAC-SHA256 key of the `X-Sitrep-Signature` header (webhook only).
    public var secret: String?

    public init(url: String, displayURL: String, secret: String? = nil) {
        self.url = url
        self.displayURL = displayURL
        self.secret = secret
    }
}
