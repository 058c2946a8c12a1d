/// The release this build of sitrep is: what `sitrep --version` prints. The one place the version is written;
/// a release changes it in the commit that is tagged `v<version>` (see the README's Commands section).
public enum SitrepVersion {
    public static let current = "0.1.0"
}
