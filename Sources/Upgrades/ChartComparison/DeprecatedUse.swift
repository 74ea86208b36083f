import Manifests

/// An apiVersion in a chart's templates or CRDs that the target release deprecates or removes,
/// judged as the `deprecatedApiVersion` check judges a manifest.
public struct DeprecatedUse: Sendable, Hashable {
    /// Path inside the chart, such as `templates/pdb.yaml`.
    public var file: String
    /// 1-based line of the `apiVersion` key.
    public var line: Int
    public var apiVersion: String
    public var kind: String
    /// `.deprecated` or `.removed`, at `target`.
    public var status: DeprecatedAPI.Status
    /// The release of the API's component it was judged against.
    public var target: ReleaseVersion
    /// The row of the deprecation data that matched.
    public var api: DeprecatedAPI

    public init(
        file: String, line: Int, apiVersion: String, kind: String, status: DeprecatedAPI.Status,
        target: ReleaseVersion, api: DeprecatedAPI
    ) {
        self.file = file
        self.line = line
        self.apiVersion = apiVersion
        self.kind = kind
        self.status = status
        self.target = target
        self.api = api
    }

    public var replacement: String? { api.replacement }
    public var deprecatedIn: ReleaseVersion? { api.deprecatedIn }
    public var removedIn: ReleaseVersion? { api.removedIn }
}
