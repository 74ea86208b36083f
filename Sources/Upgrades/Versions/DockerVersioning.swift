/// Renovate's `docker` versioning, the default for container image tags (prior-art §4.3): a
/// suffix after the first hyphen must match, precision is preserved, shorter tags sort higher.
/// `latest`, codenames and git SHAs are not versions; only digests can track them.
public struct DockerVersioning: VersionScheme {
    public init() {}

    public var name: String { "docker" }

    public func parse(_ text: String) -> DockerTag? {
        DockerTag(text)
    }
}
