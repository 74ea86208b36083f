/// Where to ask instead: a pull-through cache or an air-gapped copy of a registry
/// (`ghcr.io: harbor.example.com/ghcr-proxy`) or of a Helm repository
/// (`https://charts.jetstack.io: https://nexus.example.com/repository/jetstack`). Files keep
/// naming the original; only lookups go to the mirror.
package struct SourceMirrors: Sendable {
    private var registries: [String: (host: String, prefix: String)] = [:]
    private var helmRepositories: [(original: String, mirror: String)] = []

    package init(_ mirrors: [String: String] = [:]) {
        for (original, mirror) in mirrors {
            if original.hasPrefix("http://") || original.hasPrefix("https://") {
                helmRepositories.append((PackageSource.trimmed(original), PackageSource.trimmed(mirror)))
            } else {
                let parts = PackageSource.trimmed(mirror).split(separator: "/", maxSplits: 1).map(String.init)
                let host = ImageReference.isDockerHub(original) ? "registry-1.docker.io" : original
                registries[host] = (parts.first ?? mirror, parts.count > 1 ? parts[1] : "")
            }
        }
        helmRepositories.sort { $0.original.count > $1.original.count }
    }

    package var isEmpty: Bool { registries.isEmpty && helmRepositories.isEmpty }

    /// Where to read a registry's repository: at its mirror (the mirror's prefix before the
    /// repository), or where it is.
    package func registry(host: String, repository: String) -> (host: String, repository: String) {
        guard let mirror = registries[host] else { return (host, repository) }
        return (mirror.host, mirror.prefix.isEmpty ? repository : mirror.prefix + "/" + repository)
    }

    /// `registry(host:repository:)` of a registry source; nil for a Helm repository.
    package func registry(of source: PackageSource) -> (host: String, repository: String)? {
        guard case .registry(let host, let repository) = source else { return nil }
        return registry(host: host, repository: repository)
    }

    package func mirrored(_ source: PackageSource) -> PackageSource {
        switch source {
        case .registry(let host, let repository):
            let mirrored = registry(host: host, repository: repository)
            return .registry(host: mirrored.host, repository: mirrored.repository)
        case .helmRepository(let url, let chart):
            let trimmed = PackageSource.trimmed(url)
            guard
                let mirror = helmRepositories.first(where: {
                    trimmed == $0.original || trimmed.hasPrefix($0.original + "/")
                })
            else { return source }
            return .helmRepository(url: mirror.mirror + trimmed.dropFirst(mirror.original.count), chart: chart)
        }
    }
}
