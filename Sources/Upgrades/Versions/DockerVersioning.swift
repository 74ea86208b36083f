/// Renovate's `docker` versioning, the default for container image tags (prior-art §4.3): a
/// suffix after the first hyphen must match, precision is preserved, shorter tags sort higher.
/// `latest`, codenames and git SHAs are not versions; only digests can track them.
package struct DockerVersioning: VersionScheme {
    package init() {}

    package var name: String { "docker" }

    package func parse(_ text: String) -> DockerTag? {
        DockerTag(text)
    }
}
