import Foundation

/// Where a dependency's versions are listed.
package enum PackageSource: Sendable, Hashable, CustomStringConvertible {
    /// An OCI distribution registry (images, and charts pushed as OCI artifacts): tags of `repository` on `host`.
    case registry(host: String, repository: String)
    /// A Helm HTTP repository: versions of `chart` in `<url>/index.yaml`.
    case helmRepository(url: String, chart: String)

    /// The unit fetched once per run: a registry repository or a Helm repository's index.
    package var fetchKey: String {
        switch self {
        case .registry(let host, let repository): "oci://\(host)/\(repository)"
        case .helmRepository(let url, _): Self.trimmed(url) + "/index.yaml"
        }
    }

    package var description: String {
        switch self {
        case .registry(let host, let repository): "\(host)/\(repository)"
        case .helmRepository(let url, let chart): "\(Self.trimmed(url)) \(chart)"
        }
    }

    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// A chart source from a repository URL as Flux, Argo CD, kustomize and Helm write it:
    /// `oci://host/path` (or, for Argo CD, a bare `host/path`) is a registry, `http(s)://` an index.
    package static func chart(_ chart: String, repositoryURL: String, bareHostIsOCI: Bool) -> PackageSource? {
        let url = repositoryURL.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty, !url.contains("{{"), !chart.isEmpty, !chart.contains("{{") else { return nil }
        if url.hasPrefix("oci://") {
            return registryChart(chart, location: String(url.dropFirst("oci://".count)))
        }
        if url.hasPrefix("http://") || url.hasPrefix("https://") {
            return .helmRepository(url: trimmed(url), chart: chart)
        }
        if bareHostIsOCI, let host = url.split(separator: "/").first, ImageReference.isRegistryHost(String(host)) {
            return registryChart(chart, location: url)
        }
        return nil
    }

    private static func registryChart(_ chart: String, location: String) -> PackageSource? {
        let parts = trimmed(location).split(separator: "/", maxSplits: 1).map(String.init)
        guard let host = parts.first, !host.isEmpty else { return nil }
        let path = parts.count > 1 ? parts[1] + "/" + chart : chart
        return .registry(host: ImageReference.isDockerHub(host) ? "registry-1.docker.io" : host, repository: path)
    }
}
