import Manifests

/// The validated configuration a run uses: defaults from `config/checks.yaml` with the user's
/// file (`--config`, or a repository's `.shipshape.yaml`) laid over them.
package struct PolicyConfiguration: Sendable {
    package var severities: [String: Severity]
    package var exemptions: [Exemption]
    package var ignorePaths: [PathPattern]
    /// The Kubernetes release findings are judged against; `nil` means the newest in the data.
    package var kubernetesVersion: ReleaseVersion?
    /// Versions of other components (cert-manager, flux...) for their deprecated APIs.
    package var targetVersions: [String: ReleaseVersion]
    package var disallowConfigExemptions: Bool
    package var disallowAnnotationExemptions: Bool
    /// Whether exemption annotations a change adds count in its review before it is merged
    /// (`pullRequestExemptions: count`); by default they are listed and do not count, so a pull
    /// request cannot exempt itself.
    package var countsExemptionsAddedByChanges = false
    /// Exemption annotations a review sets aside: file → object → annotation keys, as if the
    /// object did not carry them.
    package var setAsideExemptions: [String: [ObjectReference: Set<String>]] = [:]
    /// Checks written in Polaris' custom-check format (`customChecks`); one with a built-in
    /// check's id replaces that check, as in Polaris.
    package var customChecks: [CustomCheck] = []
    /// The values fixes write.
    package var fixes: FixSettings = FixSettings()
    /// Which Kyverno policies run (`kyverno:`).
    package var kyverno = KyvernoSettings()
    /// Things in the user's file that were understood but not applied, said once to the user.
    package var notes: [String]

    package init(
        severities: [String: Severity] = [:], exemptions: [Exemption] = [], ignorePaths: [PathPattern] = [],
        kubernetesVersion: ReleaseVersion? = nil, targetVersions: [String: ReleaseVersion] = [:],
        disallowConfigExemptions: Bool = false, disallowAnnotationExemptions: Bool = false, notes: [String] = []
    ) {
        self.severities = severities
        self.exemptions = exemptions
        self.ignorePaths = ignorePaths
        self.kubernetesVersion = kubernetesVersion
        self.targetVersions = targetVersions
        self.disallowConfigExemptions = disallowConfigExemptions
        self.disallowAnnotationExemptions = disallowAnnotationExemptions
        self.notes = notes
    }

    package func severity(of checkID: String) -> Severity {
        severities[checkID] ?? .ignore
    }

    /// Every check's metadata, built-in and custom (for SARIF rules and comments).
    package var checkMetadata: [CheckMetadata] {
        let custom = Set(customChecks.map(\.id))
        return Catalogue.metadata.filter { !custom.contains($0.id) } + customChecks.map(\.metadata)
    }

    package func isIgnored(path: String) -> Bool {
        ignorePaths.contains { $0.matches(path) }
    }

    /// Lays `other` (a user's file) over this configuration.
    package func merging(_ other: PolicyConfiguration) -> PolicyConfiguration {
        var merged = self
        merged.severities.merge(other.severities) { _, new in new }
        merged.exemptions += other.exemptions
        merged.ignorePaths += other.ignorePaths
        merged.kubernetesVersion = other.kubernetesVersion ?? kubernetesVersion
        merged.targetVersions.merge(other.targetVersions) { _, new in new }
        merged.disallowConfigExemptions = disallowConfigExemptions || other.disallowConfigExemptions
        merged.disallowAnnotationExemptions = disallowAnnotationExemptions || other.disallowAnnotationExemptions
        merged.countsExemptionsAddedByChanges = other.countsExemptionsAddedByChanges
        merged.notes += other.notes
        merged.fixes = fixes.merging(other.fixes)
        merged.kyverno = kyverno.merging(other.kyverno)
        let redefined = Set(other.customChecks.map(\.id))
        merged.customChecks = customChecks.filter { !redefined.contains($0.id) } + other.customChecks
        return merged
    }
}
