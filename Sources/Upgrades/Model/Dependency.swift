/// One pinned version found in the tree: an image tag or a chart version, where it is written,
/// and where newer versions are listed.
package struct Dependency: Sendable, Hashable {
    package enum Kind: String, Sendable, Codable {
        case image
        case chart
    }

    package var kind: Kind
    /// The name users know it by: `cert-manager`, `ghcr.io/org/app`, `nginx`.
    package var name: String
    package var source: PackageSource
    /// The version text as written (a tag, or a chart version).
    package var currentValue: String
    package var location: ValueLocation
    /// A `@sha256:...` pinned next to the tag, and where it is written.
    package var digest: String?
    package var digestLocation: ValueLocation?
    /// What holds it: `Deployment web, container app`, `HelmRelease cert-manager`...
    package var origin: DependencyOrigin
    /// The add-on it belongs to: a chart and the images its values pin share one, so they are
    /// upgraded in one pull request.
    package var addOn: String

    package init(
        kind: Kind, name: String, source: PackageSource, currentValue: String, location: ValueLocation,
        digest: String? = nil, digestLocation: ValueLocation? = nil, origin: DependencyOrigin, addOn: String
    ) {
        self.kind = kind
        self.name = name
        self.source = source
        self.currentValue = currentValue
        self.location = location
        self.digest = digest
        self.digestLocation = digestLocation
        self.origin = origin
        self.addOn = addOn
    }
}
