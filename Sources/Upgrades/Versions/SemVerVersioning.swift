/// SemVer 2.0 for Helm chart versions: precedence per semver.org, build metadata ignored,
/// partial versions (`1.2`) read with missing numbers as 0.
public struct SemVerVersioning: VersionScheme {
    public init() {}

    public var name: String { "semver" }

    public func parse(_ text: String) -> SemanticVersion? {
        SemanticVersion(text)
    }
}
