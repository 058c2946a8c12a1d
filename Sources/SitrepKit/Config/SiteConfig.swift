import Foundation

/// The whole of `sitrep.yml`, validated, with every relative path resolved against the config file's folder
/// and every `${VAR}` expanded.
public struct SiteConfig: Sendable {
    public var configFile: URL
    public var site: SiteSettings
    public var paths: PathSettings
    public var probe: ProbeSettings
    public var retention: RetentionSettings
    public var uptime: UptimeWeights
    public var groups: [GroupConfig]
    public var components: [ComponentConfig]
    /// Values that came from the environment through `${VAR}`; anything published or logged is scrubbed of them.
    public var secrets: SecretRedactor
    /// `${VAR}` references to variables that are not set, where they are. Checks keep such values as written, so
    /// only commands that probe need them: `ConfigLoader.load` refuses them unless told the command does not probe.
    public var unsetVariables: [Diagnostic]
    /// `notifications:`; `.none` when the section is absent.
    public var notifications: NotificationSettings

    public init(
        configFile: URL, site: SiteSettings, paths: PathSettings, probe: ProbeSettings,
        retention: RetentionSettings, uptime: UptimeWeights, groups: [GroupConfig],
        components: [ComponentConfig], secrets: SecretRedactor = SecretRedactor(), unsetVariables: [Diagnostic] = [],
        notifications: NotificationSettings = .none
    ) {
        self.configFile = configFile
        self.site = site
        self.paths = paths
        self.probe = probe
        self.retention = retention
        self.uptime = uptime
        self.groups = groups
        self.components = components
        self.secrets = secrets
        self.unsetVariables = unsetVariables
        self.notifications = notifications
    }

    /// Every check of every component, in config order.
    public var allChecks: [CheckConfig] { components.flatMap(\.checks) }

    /// How many checks `allChecks` holds, without copying them.
    public var checkCount: Int { components.reduce(0) { $0 + $1.checks.count } }

    public func component(_ id: String) -> ComponentConfig? { components.first { $0.id == id } }
}

public struct SiteSettings: Sendable {
    public var title: String
    /// Absolute base URL, without a trailing slash.
    public var url: String
    public var description: String?
    public var timezone: TimeZone
    /// The IANA name as written in the config (`UTC` stays `UTC`; Foundation would call it `GMT`): what the
    /// site publishes.
    public var timezoneName: String
    public var historyDays: Int
    public var refreshSeconds: Int
    /// `notifications.signup_url`: where readers sign up for email (a `mailto:` or a form the operator runs
    /// elsewhere); shown on the Subscribe page when set.
    public var signupURL: String?
    /// `site.lang`: the pages' `<html lang>` (BCP 47, `LanguageTag`); `site.language` when only that is set.
    public var lang: String
    /// `site.language`: whose words the pages use, the name of a language file of the theme (`i18n/de.yml`).
    /// Unset, the file matching `site.lang` (`de-CH`, else `de`) when the theme has one, else English.
    public var language: String
    /// `site.logo`, `site.favicon`, `site.colors`.
    public var branding: SiteBranding

    public init(title: String, url: String, description: String? = nil, timezone: TimeZone = .gmt,
                timezoneName: String? = nil, historyDays: Int = 90, refreshSeconds: Int = 60, lang: String = "en",
                language: String = "en", branding: SiteBranding = SiteBranding(), signupURL: String? = nil) {
        self.title = title
        self.url = url
        self.description = description
        self.timezone = timezone
        self.timezoneName = timezoneName ?? timezone.identifier
        self.historyDays = historyDays
        self.refreshSeconds = refreshSeconds
        self.signupURL = signupURL
        self.lang = lang
        self.language = language
        self.branding = branding
    }
}

/// Absolute file locations.
public struct PathSettings: Sendable {
    public var database: URL
    public var content: URL
    /// The site's own templates: only the files it overrides of the default theme (or a whole theme).
    public var templates: URL
    public var output: URL
    /// `paths.static`: files copied into the output as they are (`StaticFiles`).
    public var staticFolder: URL
    /// The default theme of the installed sitrep (`DefaultTheme.locate`); nil when none was found.
    public var defaultTheme: URL?

    public init(database: URL, content: URL, templates: URL, output: URL, staticFolder: URL? = nil, defaultTheme: URL? = nil) {
        self.database = database
        self.content = content
        self.templates = templates
        self.output = output
        self.staticFolder = staticFolder ?? content.deletingLastPathComponent().appendingPathComponent("static")
        self.defaultTheme = defaultTheme
    }

    /// Where the templates come from: the default theme, overridden file by file by the site's folder.
    public var theme: ThemeFolders { ThemeFolders(site: templates, defaultTheme: defaultTheme) }
}

public struct ProbeSettings: Sendable {
    public var timeoutMs: Int
    public var concurrency: Int
    public var retries: Int
    public var staleAfterS: Int
    /// How many probe locations must see a check down for it to be down (`QuorumRule`); nil: a majority of
    /// those that reported within `staleAfterS`.
    public var quorum: Int?

    public init(timeoutMs: Int = 10_000, concurrency: Int = 64, retries: Int = 1, staleAfterS: Int = 900, quorum: Int? = nil) {
        self.timeoutMs = timeoutMs
        self.concurrency = concurrency
        self.retries = retries
        self.staleAfterS = staleAfterS
        self.quorum = quorum
    }
}

/// How long each kind of row is kept (`retention` in sitrep.yml); see `RetentionRules` for the defaults and the
/// least a build needs.
public struct RetentionSettings: Sendable, Hashable {
    /// Raw results, and the runs they belong to.
    public var rawDays: Int
    /// Hourly rollups, per check and per component.
    public var hourlyDays: Int
    /// Daily rollups per check and per component, and the latest result of a check no longer probed.
    public var dailyDays: Int

    public init(rawDays: Int = RetentionRules.defaultRawDays, hourlyDays: Int = RetentionRules.defaultHourlyDays,
                dailyDays: Int = RetentionRules.defaultDailyDays) {
        self.rawDays = rawDays
        self.hourlyDays = hourlyDays
        self.dailyDays = dailyDays
    }
}

/// Share of time counted as lost for each outage status when computing uptime.
public struct UptimeWeights: Sendable, Hashable {
    public var majorOutage: Double
    public var partialOutage: Double
    public var degradedPerformance: Double

    public init(majorOutage: Double = 1.0, partialOutage: Double = 0.3, degradedPerformance: Double = 0.0) {
        self.majorOutage = majorOutage
        self.partialOutage = partialOutage
        self.degradedPerformance = degradedPerformance
    }

    public func weight(of status: ComponentStatus) -> Double {
        switch status {
        case .operational, .underMaintenance: 0
        case .degradedPerformance: degradedPerformance
        case .partialOutage: partialOutage
        case .majorOutage: majorOutage
        }
    }
}

public struct GroupConfig: Sendable, Hashable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

public struct ComponentConfig: Sendable {
    public var id: String
    public var name: String
    public var group: String?
    public var description: String?
    public var checks: [CheckConfig]

    public init(id: String, name: String, group: String? = nil, description: String? = nil, checks: [CheckConfig] = []) {
        self.id = id
        self.name = name
        self.group = group
        self.description = description
        self.checks = checks
    }
}

public struct CheckConfig: Sendable {
    public var componentID: String
    public var id: String
    public var target: CheckTarget
    /// Effective hard deadline for one attempt, DNS included (check's own `timeout_ms` or `probe.timeout_ms`).
    public var timeoutMs: Int
    /// true: the site may show this check's target and raw error text.
    public var isPublic: Bool
    /// The target as written in the config, before `${VAR}` expansion, a URL's password and query values masked
    /// (`MaskedURL`): the only form ever shown on the site.
    public var displayTarget: String

    public init(componentID: String, id: String, target: CheckTarget, timeoutMs: Int, isPublic: Bool = false, displayTarget: String) {
        self.componentID = componentID
        self.id = id
        self.target = target
        self.timeoutMs = timeoutMs
        self.isPublic = isPublic
        self.displayTarget = displayTarget
    }

    public var type: CheckType {
        switch target {
        case .http: .http
        case .tcp: .tcp
        case .dns: .dns
        case .flow: .flow
        case .conversation(let check): check.type
        }
    }
}

public enum CheckTarget: Sendable {
    case http(HTTPCheck)
    case tcp(host: String, port: Int)
    case dns(name: String, record: DNSRecordType)
    case flow(FlowCheck)
    /// A check that talks a protocol over a connection (`postgres`, `redis`, `amqp`, `smtp`, `tls`, and `tcp`
    /// with `send`/`expect`).
    case conversation(ProtocolCheck)
}

public enum DNSRecordType: String, Sendable, CaseIterable {
    case a = "A"
    case aaaa = "AAAA"
}

public struct HTTPCheck: Sendable {
    public var url: String
    public var method: String
    public var headers: [HTTPHeader]
    public var body: String?
    public var followRedirects: Bool
    public var maxBodyBytes: Int
    /// Also trust this CA bundle (PEM).
    public var caFile: URL?
    /// Skip certificate verification entirely.
    public var insecure: Bool
    public var expect: HTTPExpectations

    public init(url: String, method: String = "GET", headers: [HTTPHeader] = [], body: String? = nil,
                followRedirects: Bool = true, maxBodyBytes: Int = 1_048_576, caFile: URL? = nil,
                insecure: Bool = false, expect: HTTPExpectations = HTTPExpectations()) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.followRedirects = followRedirects
        self.maxBodyBytes = maxBodyBytes
        self.caFile = caFile
        self.insecure = insecure
        self.expect = expect
    }
}

public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public struct HTTPExpectations: Sendable {
    /// nil: any 2xx or 3xx.
    public var status: [Int]?
    public var bodyContains: String?
    public var bodyNotContains: String?
    /// Dotted path (array index as a number) to the scalar expected there.
    public var json: [JSONExpectation]
    public var maxResponseMs: Int?
    public var certMinDays: Int?
    /// Comparisons on JSON paths, headers and the response time, in config order.
    public var conditions: [Condition]

    public init(status: [Int]? = nil, bodyContains: String? = nil, bodyNotContains: String? = nil,
                json: [JSONExpectation] = [], maxResponseMs: Int? = nil, certMinDays: Int? = nil,
                conditions: [Condition] = []) {
        self.status = status
        self.bodyContains = bodyContains
        self.bodyNotContains = bodyNotContains
        self.json = json
        self.maxResponseMs = maxResponseMs
        self.certMinDays = certMinDays
        self.conditions = conditions
    }

    /// The response headers some condition looks at.
    public var headerNames: [String] {
        conditions.compactMap { if case .header(let name) = $0.subject { name } else { nil } }
    }
}

public struct JSONExpectation: Sendable, Hashable {
    public var path: String
    public var expected: JSONScalar
    public init(path: String, expected: JSONScalar) {
        self.path = path
        self.expected = expected
    }
}

/// A scalar a JSON expectation compares against.
public enum JSONScalar: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public var description: String {
        switch self {
        case .string(let s): "\"\(s)\""
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .bool(let b): String(b)
        case .null: "null"
        }
    }
}
