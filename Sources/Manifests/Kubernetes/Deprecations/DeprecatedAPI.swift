/// One row of `config/deprecations.yaml`: an apiVersion (for one kind, or all kinds) that a
/// component deprecated or removed, and what replaces it.
package struct DeprecatedAPI: Sendable, Hashable {
    package var apiVersion: String
    /// `nil` when every kind of the apiVersion is affected.
    package var kind: String?
    package var component: String
    package var deprecatedIn: ReleaseVersion?
    package var removedIn: ReleaseVersion?
    package var replacement: String?
    package var replacementAvailableIn: ReleaseVersion?
    package var note: String?

    package enum Status: Sendable, Hashable {
        case current, deprecated, removed
    }

    /// Where the API stands in a given release of its component.
    package func status(at version: ReleaseVersion) -> Status {
        if let removedIn, version >= removedIn { return .removed }
        if let deprecatedIn, version >= deprecatedIn { return .deprecated }
        return .current
    }

    /// "Kubernetes" for the core component, otherwise the component's own name.
    package var componentName: String {
        component == "kubernetes" ? "Kubernetes" : component
    }
}
