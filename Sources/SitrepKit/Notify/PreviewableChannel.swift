/// A channel that can show what it would send (`sitrep notify --dry-run`), without sending it.
protocol PreviewableChannel: NotificationChannel {
    /// The message as the receiver would get it (JSON body, or mail subject and text part, or SMS text);
    /// addresses and secrets are never part of it.
    func preview(_ event: NotificationEvent, site: NotificationSite) -> String
}
