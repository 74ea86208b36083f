import Manifests

/// The validated configuration a run uses: defaults from `config/checks.yaml` with the user's
/// file (`--config`, or a repository's `.shipshape.yaml`) laid over them.
public struct PolicyConfiguration: Sendable {
    public var severities: [String: Severity]
    public var exemptions: [Exemption]
    public var ignorePaths: [PathPattern]
    /// The Kubernetes release findings are judged against; `nil` means the newest in the data.
    public var kubernetesVersion: ReleaseVersion?
    /// Versions of other components (cert-manager, flux...) for their deprecated APIs.
    public var targetVersions: [String: ReleaseVersion]
    public var disallowConfigExemptions: Bool
    public var disallowAnnotationExemptions: Bool
    /// Whether exemption annotations a change adds count in its review before it is merged
    /// (`pullRequestExemptions: count`); by default they are listed and do not count, so a pull
    /// request cannot exempt itself.
    public var countsExemptionsAddedByChanges = false
    /// Exemption annotations a review sets aside: file → object → annotation keys, as if the
    /// object did not carry them.
    public var setAsideExemptions: [String: [ObjectReference: Set<String>]] = [:]
    /// Checks written in Polaris' custom-check format (`customChecks`); one with a built-in
    /// check's id replaces that check, as in Polaris.
    public var customChecks: [CustomCheck] = []
    /// The values fixes write.
    public var fixes: FixSettings = FixSettings()
    /// Which Kyverno policies run (`kyverno:`).
    public var kyverno = KyvernoSettings()
    /// Things in the user's file that were understood but not applied, said once to the user.
    public var notes: [String]

    public init(
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

    public func severity(of checkID: String) -> Severity {
        severities[checkID] ?? .ignore
    }

    /// Every check's metadata, built-in and custom (for SARIF rules and comments).
    public var checkMetadata: [CheckMetadata] {
        let custom = Set(customChecks.map(\.id))
        return Catalogue.metadata.filter { !custom.contains($0.id) } + customChecks.map(\.metadata)
    }

    public func isIgnored(path: String) -> Bool {
        ignorePaths.contains { $0.matches(path) }
    }

    /// Lays `other` (a user's file) over this configuration.
    public func merging(_ other: PolicyConfiguration) -> PolicyConfiguration {
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
