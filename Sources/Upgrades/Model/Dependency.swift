/// One pinned version found in the tree: an image tag or a chart version, where it is written,
/// and where newer versions are listed.
public struct Dependency: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case image
        case chart
    }

    public var kind: Kind
    /// The name users know it by: `cert-manager`, `ghcr.io/org/app`, `nginx`.
    public var name: String
    public var source: PackageSource
    /// The version text as written (a tag, or a chart version).
    public var currentValue: String
    public var location: ValueLocation
    /// A `@sha256:...` pinned next to the tag, and where it is written.
    public var digest: String?
    public var digestLocation: ValueLocation?
    /// What holds it: `Deployment web, container app`, `HelmRelease cert-manager`...
    public var origin: DependencyOrigin
    /// The add-on it belongs to: a chart and the images its values pin share one, so they are
    /// upgraded in one pull request.
    public var addOn: String

    public init(
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
