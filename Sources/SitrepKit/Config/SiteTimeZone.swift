import Foundation

/// `site.timezone`: an IANA time zone name (`Europe/Berlin`, `UTC`). Foundation also makes zones of forms
/// such as `GMT+05:30` or `EST`-style abbreviations; those are refused, so the name the site publishes is one
/// every reader of the API can look up.
enum SiteTimeZone {
    static func named(_ name: String) -> TimeZone? {
        guard name == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(name) else { return nil }
        return TimeZone(identifier: name)
    }
}
