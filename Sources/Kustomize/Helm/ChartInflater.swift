/// Renders a chart folder on disk with values, as `helm template` does (the Helm engine is
/// handed in by the caller: this module knows no Helm).
public protocol ChartInflater: Sendable {
    func inflate(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws
        -> [InflatedTemplate]
}

/// One rendered template: its path in the chart and its text (a YAML stream).
public struct InflatedTemplate: Sendable {
    public var template: String
    public var manifest: String

    public init(template: String, manifest: String) {
        self.template = template
        self.manifest = manifest
    }
}

/// The Helm engine is not there (libhelm_c not found): a root with charts is refused with a
/// note, not failed.
public struct ChartEngineUnavailable: Error, Sendable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
