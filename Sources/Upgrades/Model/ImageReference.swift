/// A container image reference as written in a manifest: `[registry/]repository[:tag][@digest]`,
/// with Docker Hub's defaults applied the way `docker pull` applies them.
package struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry host as written, or `docker.io` when the reference names none.
    package var registry: String
    /// The repository path inside the registry (`library/nginx` for `nginx`).
    package var repository: String
    package var tag: String?
    package var digest: String?

    package init(registry: String, repository: String, tag: String? = nil, digest: String? = nil) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Parses a reference; nil for text that cannot be one (empty, spaces, template actions,
    /// upper-case repository paths).
    package init?(parsing text: String) {
        guard !text.isEmpty, !text.contains(" "), !text.contains("{{"), !text.contains("$") else { return nil }
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
            guard digest?.contains(":") == true else { return nil }
        }
        // A colon after the last slash separates the tag; one before it is a registry's port.
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
            guard tag?.isEmpty == false else { return nil }
        }
        let components = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !components.contains(where: \.isEmpty) else { return nil }
        if components.count > 1, Self.isRegistryHost(components[0]) {
            registry = components[0]
            repository = components.dropFirst().joined(separator: "/")
        } else {
            registry = Self.dockerHub
            repository = components.joined(separator: "/")
        }
        if Self.isDockerHub(registry), !repository.contains("/") { repository = "library/" + repository }
        guard repository == repository.lowercased() else { return nil }
    }

    static let dockerHub = "docker.io"

    /// Docker's rule: the first component names a registry when it has a dot or a port, or is `localhost`.
    static func isRegistryHost(_ component: String) -> Bool {
        component.contains(".") || component.contains(":") || component == "localhost"
    }

    static func isDockerHub(_ host: String) -> Bool {
        ["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"].contains(host)
    }

    /// The host the registry API answers on (Docker Hub's API is not on `docker.io`).
    package var apiHost: String { Self.isDockerHub(registry) ? "registry-1.docker.io" : registry }

    /// The name users know the image by: `nginx`, `grafana/grafana`, `ghcr.io/org/app`.
    package var displayName: String {
        if Self.isDockerHub(registry) {
            return repository.hasPrefix("library/") ? String(repository.dropFirst("library/".count)) : repository
        }
        return "\(registry)/\(repository)"
    }

    package var description: String {
        var text = displayName
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        return text
    }
}
