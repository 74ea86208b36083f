import Manifests

/// The release targets of one run: which Kubernetes (and cert-manager, Flux...) the manifests
/// must work with.
package struct EvaluationSettings: Sendable {
    package var deprecations: DeprecationTable
    package var kubernetesVersion: ReleaseVersion?
    package var targetVersions: [String: ReleaseVersion]

    package init(
        deprecations: DeprecationTable = DeprecationTable(targets: [:], entries: []),
        kubernetesVersion: ReleaseVersion? = nil, targetVersions: [String: ReleaseVersion] = [:]
    ) {
        self.deprecations = deprecations
        self.kubernetesVersion = kubernetesVersion
        self.targetVersions = targetVersions
    }

    /// The release of `component` to judge against: the user's choice, else the newest in the data.
    package func target(for component: String) -> ReleaseVersion? {
        deprecations.target(for: component, kubernetesVersion: kubernetesVersion, chosen: targetVersions)
    }
}
