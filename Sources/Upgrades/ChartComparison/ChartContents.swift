/// The files of one Helm chart version that an upgrade PR compares: its default values, its
/// CustomResourceDefinitions and its templates, keyed by their path inside the chart.
public struct ChartContents: Sendable {
    public var name: String
    public var version: String
    public var appVersion: String?
    /// values.yaml as written; `nil` when the chart has none.
    public var values: String?
    /// Path → text: every file under `crds/`, and each CustomResourceDefinition document found in a
    /// template, keyed `templates/<file>#<n>` for the n-th document of the file that has content.
    public var crds: [String: String]
    /// Path → text of every file under `templates/`.
    public var templates: [String: String]

    public init(
        name: String, version: String, appVersion: String? = nil, values: String? = nil,
        crds: [String: String] = [:], templates: [String: String] = [:]
    ) {
        self.name = name
        self.version = version
        self.appVersion = appVersion
        self.values = values
        self.crds = crds
        self.templates = templates
    }
}
