/// SemVer 2.0 for Helm chart versions: precedence per semver.org, build metadata ignored,
/// partial versions (`1.2`) read with missing numbers as 0.
package struct SemVerVersioning: VersionScheme {
    package init() {}

    package var name: String { "semver" }

    package func parse(_ text: String) -> SemanticVersion? {
        SemanticVersion(text)
    }
}
