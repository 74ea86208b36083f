/// The files of one Helm chart version that an upgrade PR compares: its default values, its
/// CustomResourceDefinitions and its templates, keyed by their path inside the chart.
package struct ChartContents: Sendable {
    package var name: String
    package var version: String
    package var appVersion: String?
    /// values.yaml as written; `nil` when the chart has none.
    package var values: String?
    /// Path → text: every file under `crds/`, and each CustomResourceDefinition document found in a
    /// template, keyed `templates/<file>#<n>` for the n-th document of the file that has content.
    package var crds: [String: String]
    /// Path → text of every file under `templates/`.
    package var templates: [String: String]

    package init(
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
