import Foundation
import HTTPKit

/// The versions a package has, and what a PR body links to.
package struct PackageVersions: Sendable {
    package var versions: [String]
    /// Chart versions' archive URLs (Helm repositories), for the chart comparison.
    package var archives: [String: URL]
    /// Release-notes links per version (a chart's `home` and `sources`).
    package var links: [String: [String]]
    /// Helm repositories: each version's archive SHA-256 (hex), as the index lists it.
    package var digests: [String: String] = [:]

    package init(versions: [String], archives: [String: URL] = [:], links: [String: [String]] = [:]) {
        self.versions = versions
        self.archives = archives
        self.links = links
    }
}

/// One run's view of every datasource: each registry repository and each Helm index is asked
/// once, however many files pin it; requests per host are bounded; a failure belongs to the
/// packages of that repository only. Registry tag lists are kept in the disk cache for
/// `tagListLifetime`, so a run shortly after another asks nothing again.
package actor VersionLookup {
    package let registry: RegistryClient
    package let helm: HelmRepositoryClient
    private let cache: DiskCache
    private let tagListLifetime: Duration
    private let limiter: HostLimiter
    private let mirrors: SourceMirrors
    private var tagLists: [String: Task<[String], any Error>] = [:]
    private var details: [String: Task<String?, Never>] = [:]
    package private(set) var tagListRequests = 0

    package init(
        registry: RegistryClient, helm: HelmRepositoryClient, cache: DiskCache,
        tagListLifetime: Duration = .seconds(15 * 60), perHostLimit: Int = 4,
        mirrors: SourceMirrors = SourceMirrors()
    ) {
        self.mirrors = mirrors
        self.registry = registry
        self.helm = helm
        self.cache = cache
        self.tagListLifetime = tagListLifetime
        self.limiter = HostLimiter(limit: perHostLimit)
    }

    /// Where lookups for `source` go: itself, or its configured mirror.
    package nonisolated func mirrored(_ source: PackageSource) -> PackageSource { mirrors.mirrored(source) }

    package func versions(of source: PackageSource) async -> Result<PackageVersions, DatasourceError> {
        do {
            switch mirrors.mirrored(source) {
            case .registry(let host, let repository):
                let tags = try await tags(host: host, repository: repository)
                return .success(PackageVersions(versions: tags))
            case .helmRepository(let url, let chart):
                let host = URL(string: url)?.host ?? url
                let index = try await limiter.run(on: host) { try await self.helm.index(of: url) }
                guard let releases = index.charts[chart] else {
                    return .failure(
                        DatasourceError(
                            subject: source.description, reason: "the repository's index has no chart named \(chart)"))
                }
                var archives: [String: URL] = [:]
                var links: [String: [String]] = [:]
                var digests: [String: String] = [:]
                for release in releases {
                    if let first = release.urls.first,
                        let archive = HelmRepositoryClient.archiveURL(first, repository: url)
                    {
                        archives[release.version] = archive
                    }
                    links[release.version] = ([release.home].compactMap { $0 } + release.sources).filter { !$0.isEmpty }
                    // A digest names a cache folder: only a SHA-256 in hex is one.
                    if let digest = release.digest, digest.count == 64, digest.allSatisfy(\.isHexDigit) {
                        digests[release.version] = digest.lowercased()
                    }
                }
                var found = PackageVersions(versions: releases.map(\.version), archives: archives, links: links)
                found.digests = digests
                return .success(found)
            }
        } catch let error as DatasourceError {
            return .failure(error)
        } catch {
            return .failure(DatasourceError(subject: source.description, reason: String(describing: error)))
        }
    }

    /// The manifest digest a tag names now (kept like tag lists), nil when the registry cannot say.
    package func digest(of source: PackageSource, tag: String) async -> String? {
        guard case (let host, let repository)? = mirrors.registry(of: source) else { return nil }
        return await detail("digest oci://\(host)/\(repository):\(tag)") {
            try await self.limiter.run(on: host) {
                try await self.registry.manifest(host: host, repository: repository, reference: tag).digest
            }
        }
    }

    /// The image's source-repository label, for release notes.
    package func sourceLabel(of source: PackageSource, tag: String) async -> String? {
        guard case (let host, let repository)? = mirrors.registry(of: source) else { return nil }
        return await detail("source oci://\(host)/\(repository):\(tag)") {
            try await self.limiter.run(on: host) {
                try await self.registry.sourceLabel(host: host, repository: repository, tag: tag)
            }
        }
    }

    /// One question per key and run, answered from the disk cache while it is fresh.
    private func detail(_ key: String, _ ask: @escaping @Sendable () async throws -> String?) async -> String? {
        if let task = details[key] { return await task.value }
        if let cached = cache.read(String.self, key: key, within: tagListLifetime) { return cached }
        let task = Task<String?, Never> {
            guard let value = try? await ask() else { return nil }
            self.cache.write(value, key: key, for: self.tagListLifetime)
            return value
        }
        details[key] = task
        return await task.value
    }

    private func tags(host: String, repository: String) async throws -> [String] {
        let key = "oci://\(host)/\(repository)"
        if let task = tagLists[key] { return try await task.value }
        if let cached = cache.read([String].self, key: key, within: tagListLifetime) { return cached }
        tagListRequests += 1
        let task = Task {
            let tags = try await self.limiter.run(on: host) {
                try await self.registry.tags(host: host, repository: repository)
            }
            self.cache.write(tags, key: key, for: self.tagListLifetime)
            return tags
        }
        tagLists[key] = task
        return try await task.value
    }
}
