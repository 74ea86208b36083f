import Manifests

/// An apiVersion in a chart's templates or CRDs that the target release deprecates or removes,
/// judged as the `deprecatedApiVersion` check judges a manifest.
package struct DeprecatedUse: Sendable, Hashable {
    /// Path inside the chart, such as `templates/pdb.yaml`.
    package var file: String
    /// 1-based line of the `apiVersion` key.
    package var line: Int
    package var apiVersion: String
    package var kind: String
    /// `.deprecated` or `.removed`, at `target`.
    package var status: DeprecatedAPI.Status
    /// The release of the API's component it was judged against.
    package var target: ReleaseVersion
    /// The row of the deprecation data that matched.
    package var api: DeprecatedAPI

    package init(
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

    package var replacement: String? { api.replacement }
    package var deprecatedIn: ReleaseVersion? { api.deprecatedIn }
    package var removedIn: ReleaseVersion? { api.removedIn }
}
