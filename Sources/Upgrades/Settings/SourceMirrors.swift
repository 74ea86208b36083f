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

    package func mirrored(_ source: PackageSource) -> PackageSource {
        switch source {
        case .registry(let host, let repository):
            guard let mirror = registries[host] else { return source }
            return .registry(
                host: mirror.host, repository: mirror.prefix.isEmpty ? repository : mirror.prefix + "/" + repository)
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
