import Foundation
import HTTPKit

/// Helm HTTP repositories: `index.yaml` fetched once per run and per repository, revalidated
/// between runs with `ETag` / `Last-Modified` against the copy in the disk cache (a 304 loads the
/// parsed copy and parses nothing).
package actor HelmRepositoryClient {
    private struct CachedIndex: Codable {
        var entityTag: String?
        var lastModified: String?
        var index: HelmIndex
    }

    private let http: any HTTPClient
    private let cache: DiskCache
    private var fetched: [String: Task<HelmIndex, any Error>] = [:]
    package private(set) var downloads = 0
    package private(set) var revalidated = 0

    package init(http: any HTTPClient, cache: DiskCache) {
        self.http = http
        self.cache = cache
    }

    /// The index of the repository at `url` (its base URL, as users write it).
    package func index(of url: String) async throws -> HelmIndex {
        let location = PackageSource.trimmed(url) + "/index.yaml"
        if let task = fetched[location] { return try await task.value }
        let task = Task { try await self.download(location) }
        fetched[location] = task
        return try await task.value
    }

    /// An absolute chart archive URL: index URLs may be relative to the repository.
    package static func archiveURL(_ written: String, repository: String) -> URL? {
        if let absolute = URL(string: written), absolute.scheme != nil { return absolute }
        return URL(string: written, relativeTo: URL(string: PackageSource.trimmed(repository) + "/"))?.absoluteURL
    }

    private func download(_ location: String) async throws -> HelmIndex {
        guard let url = URL(string: location) else {
            throw DatasourceError(subject: location, reason: "not a valid URL")
        }
        let cached = cache.read(CachedIndex.self, key: location)
        var request = HTTPRequest(url: url, headers: ["Accept": "application/x-yaml, text/yaml, */*"])
        if let cached {
            if let tag = cached.entityTag { request.headers["If-None-Match"] = tag }
            if let date = cached.lastModified { request.headers["If-Modified-Since"] = date }
        }
        let response = try await http.send(request)
        if response.status == 304, let cached {
            revalidated += 1
            return cached.index
        }
        guard response.isSuccess else {
            throw DatasourceError(
                subject: location,
                reason: response.status == 404
                    ? "no index.yaml there (404)" : "the repository answered \(response.status)")
        }
        downloads += 1
        let index = try HelmIndex.parse(Array(response.body), url: location)
        if response.headers["ETag"] != nil || response.headers["Last-Modified"] != nil {
            cache.write(
                CachedIndex(
                    entityTag: response.headers["ETag"], lastModified: response.headers["Last-Modified"], index: index),
                key: location)
        }
        return index
    }
}
