/// What a build does with content files that do not validate. Config and template problems always stop a
/// build: without them no page can be built honestly.
public enum ContentPolicy: Sendable {
    /// `sitrep build` (what a pull request runs): any problem stops the build and nothing is published.
    case refuse
    /// `sitrep run` (the cron entry point): the files with problems are left out, everything else is published,
    /// and the problems come back in the summary. A left-out file's page that was already published stays as
    /// it was (`KeptPages`), so a link to it keeps working; lists, statuses and feeds no longer show it.
    case leaveOut
}
