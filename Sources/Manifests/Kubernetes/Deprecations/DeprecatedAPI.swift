/// One row of `config/deprecations.yaml`: an apiVersion (for one kind, or all kinds) that a
/// component deprecated or removed, and what replaces it.
public struct DeprecatedAPI: Sendable, Hashable {
    public var apiVersion: String
    /// `nil` when every kind of the apiVersion is affected.
    public var kind: String?
    public var component: String
    public var deprecatedIn: ReleaseVersion?
    public var removedIn: ReleaseVersion?
    public var replacement: String?
    public var replacementAvailableIn: ReleaseVersion?
    public var note: String?

    public enum Status: Sendable, Hashable {
        case current, deprecated, removed
    }

    /// Where the API stands in a given release of its component.
    public func status(at version: ReleaseVersion) -> Status {
        if let removedIn, version >= removedIn { return .removed }
        if let deprecatedIn, version >= deprecatedIn { return .deprecated }
        return .current
    }

    /// "Kubernetes" for the core component, otherwise the component's own name.
    public var componentName: String {
        component == "kubernetes" ? "Kubernetes" : component
    }
}
