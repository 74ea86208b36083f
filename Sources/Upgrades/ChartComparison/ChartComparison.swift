import Manifests

/// What changes for a cluster when a chart moves from one version to another, beyond what its
/// release notes say: CRDs added or removed, default values added, removed or changed, and the
/// deprecated or removed apiVersions the new version still uses.
package struct ChartComparison: Sendable {
    /// CRD names (`metadata.name`, such as `certificates.cert-manager.io`), sorted.
    package var crdsAdded: [String]
    package var crdsRemoved: [String]
    /// Key paths of default values as `helm --set` takes them (`image.tag`,
    /// `podAnnotations.prometheus\.io/scrape`), sorted. Lists and empty maps count as one value.
    package var valuesAdded: [String]
    package var valuesRemoved: [String]
    /// Sorted by key; values on one line, cut to about 60 characters.
    package var valuesChanged: [(key: String, old: String, new: String)]
    /// In the new chart's templates and `crds/`, ordered by file and line.
    package var deprecatedAPIs: [DeprecatedUse]

    package init(
        crdsAdded: [String] = [], crdsRemoved: [String] = [], valuesAdded: [String] = [],
        valuesRemoved: [String] = [], valuesChanged: [(key: String, old: String, new: String)] = [],
        deprecatedAPIs: [DeprecatedUse] = []
    ) {
        self.crdsAdded = crdsAdded
        self.crdsRemoved = crdsRemoved
        self.valuesAdded = valuesAdded
        self.valuesRemoved = valuesRemoved
        self.valuesChanged = valuesChanged
        self.deprecatedAPIs = deprecatedAPIs
    }

    package var isEmpty: Bool {
        crdsAdded.isEmpty && crdsRemoved.isEmpty && valuesAdded.isEmpty && valuesRemoved.isEmpty
            && valuesChanged.isEmpty && deprecatedAPIs.isEmpty
    }

    /// Compares two versions of a chart. Deprecations are judged at `kubernetesVersion` for
    /// Kubernetes APIs and at the newest release the data covers for other components (cert-manager,
    /// Flux...), as the `deprecatedApiVersion` check judges manifests. When either values.yaml is
    /// not valid YAML the default values are not compared.
    package static func compare(
        old: ChartContents, new: ChartContents, deprecations: DeprecationTable,
        kubernetesVersion: ReleaseVersion
    ) -> ChartComparison {
        let oldCRDs = customResourceDefinitions(in: old.crds)
        let newCRDs = customResourceDefinitions(in: new.crds)
        var comparison = ChartComparison(
            crdsAdded: newCRDs.subtracting(oldCRDs).sorted(),
            crdsRemoved: oldCRDs.subtracting(newCRDs).sorted())
        if let oldValues = ValuesLeaves.read(old.values), let newValues = ValuesLeaves.read(new.values) {
            comparison.valuesAdded = newValues.keys.filter { oldValues[$0] == nil }.sorted()
            comparison.valuesRemoved = oldValues.keys.filter { newValues[$0] == nil }.sorted()
            comparison.valuesChanged = newValues.keys.sorted().compactMap { key in
                guard let before = oldValues[key], let after = newValues[key], before != after else { return nil }
                return (key, ValueRendering.shortened(before), ValueRendering.shortened(after))
            }
        }
        // A CRD found in a template is already read with its template; NOTES.txt is the message
        // Helm prints after an install, not a manifest.
        let crdFiles = new.crds.filter { !$0.key.hasPrefix("templates/") }
        let templates = new.templates.filter { !$0.key.hasSuffix("NOTES.txt") }
        comparison.deprecatedAPIs = DeprecatedUseScanner(
            deprecations: deprecations, kubernetesVersion: kubernetesVersion
        )
        .uses(in: templates.merging(crdFiles) { template, _ in template })
        return comparison
    }

    private static func customResourceDefinitions(in files: [String: String]) -> Set<String> {
        Set(
            files.values.flatMap { text in
                ManifestHeader.read(text).compactMap { $0.isCustomResourceDefinition ? $0.name : nil }
            })
    }
}
