import Foundation
import HTTPKit
import HelmKit
import Manifests
import Upgrades

/// Charts for releases: folders of the checked tree, or published charts fetched through the
/// upgrade engine's datasources (Helm repository indexes, OCI registries, their mirrors and
/// logins) and kept in a content-addressed disk cache. Each chart is loaded once per run,
/// however many releases use it.
actor ChartStore {
    let library: HelmLibrary
    let fetcher: ChartArchiveFetcher?
    let cacheFolder: URL?
    private var loading: [ChartRelease.Chart: Task<LoadedChart, any Error>] = [:]
    /// Notes about charts (schemas set aside), once per chart.
    private(set) var notes: [String] = []
    /// Where charts are unpacked when there is no cache folder; removed with the store.
    private let scratch = FileManager.default.temporaryDirectory.appending(
        path: "shipshape-charts-\(UUID().uuidString)")

    let folderOnDisk: @Sendable (String) throws -> URL

    init(
        library: HelmLibrary, fetcher: ChartArchiveFetcher?, cacheFolder: URL?,
        folderOnDisk: @escaping @Sendable (String) throws -> URL
    ) {
        self.library = library
        self.fetcher = fetcher
        self.cacheFolder = cacheFolder
        self.folderOnDisk = folderOnDisk
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    func chart(_ chart: ChartRelease.Chart) async throws -> LoadedChart {
        if let task = loading[chart] { return try await task.value }
        let task = Task { try await self.load(chart) }
        loading[chart] = task
        return try await task.value
    }

    private func load(_ chart: ChartRelease.Chart) async throws -> LoadedChart {
        switch chart {
        case .folder(let folder):
            var renderable = try folderOnDisk(folder)
            let dependencies = ChartDependency.missing(in: renderable)
            if !RemoteSchemas.files(in: renderable).isEmpty || !dependencies.isEmpty {
                // A copy to change: schemas set aside, dependencies put in `charts/`.
                let copy = scratch.appending(path: "local-\(UUID().uuidString)/\(renderable.lastPathComponent)")
                try FileManager.default.createDirectory(
                    at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: renderable, to: copy)
                for dependency in dependencies {
                    try await add(dependency, to: copy, declaredIn: renderable, chart: folder)
                }
                noteSchemas(RemoteSchemas.setAside(in: copy), chart: folder)
                renderable = copy
            }
            let loaded = try library.loadChart(folder: renderable.path)
            let valuesFile = folder + "/values.yaml"
            let defaults =
                (try? FileContents.read(renderable.appending(path: "values.yaml").path)).flatMap {
                    YAMLParser.parse(bytes: $0).documents.first?.root
                }
                .map { ValuesTree(yaml: $0, file: valuesFile) } ?? .emptyMap
            return LoadedChart(
                chart: loaded, defaults: defaults, label: Self.label(of: loaded, fallback: folder), folder: folder,
                diskFolder: renderable.path)
        case .published(let source, let written):
            guard let fetcher else {
                throw HelmError(
                    operation: "fetching \(source)", message: "charts are not fetched in this run (--offline)")
            }
            let (version, folder) = try await unpacked(source, version: written, fetcher: fetcher)
            let loaded = try library.loadChart(folder: folder.path)
            let valuesFile = folder.appending(path: "values.yaml").path
            let defaults =
                (try? FileContents.read(valuesFile)).flatMap { YAMLParser.parse(bytes: $0).documents.first?.root }
                .map { ValuesTree(yaml: $0, file: nil) } ?? .emptyMap
            return LoadedChart(
                chart: loaded, defaults: defaults, label: Self.label(of: loaded, fallback: "\(source) \(version)"),
                folder: nil,
                diskFolder: folder.path)
        }
    }

    /// The published chart unpacked on disk (fetched, or from the cache), and the version chosen.
    func unpacked(_ source: PackageSource, version written: String, fetcher: ChartArchiveFetcher) async throws -> (
        String, URL
    ) {
        let (version, url, digest) = try await resolve(written, of: source, fetcher: fetcher)
        let folder = try await unpackedChart(source: source, version: version, digest: digest) {
            try await fetcher.archive(of: source, version: version, url: url, digest: digest)
        }
        return (version, folder)
    }

    /// Puts a dependency into the copy's `charts/`: from a `file://` folder beside the chart, or
    /// fetched from its repository like any published chart (once per run, from the cache after).
    private func add(_ dependency: ChartDependency, to copy: URL, declaredIn original: URL, chart: String) async throws
    {
        let target = copy.appending(path: "charts/\(dependency.name)")
        try FileManager.default.createDirectory(at: copy.appending(path: "charts"), withIntermediateDirectories: true)
        if dependency.repository.hasPrefix("file://") {
            let source = original.appending(path: String(dependency.repository.dropFirst("file://".count))).standardized
            guard FileManager.default.fileExists(atPath: source.appending(path: "Chart.yaml").path) else {
                throw HelmError(
                    operation: "adding dependency \(dependency.name) of \(chart)",
                    message: "\(dependency.repository) is not a chart folder")
            }
            try FileManager.default.copyItem(at: source, to: target)
            return
        }
        guard
            let source = PackageSource.chart(
                dependency.name, repositoryURL: dependency.repository, bareHostIsOCI: false)
        else {
            throw HelmError(
                operation: "adding dependency \(dependency.name) of \(chart)",
                message: "\(dependency.repository) is not a Helm repository or oci:// URL")
        }
        let fetched = try await self.chart(.published(source, version: dependency.version))
        try FileManager.default.copyItem(at: URL(fileURLWithPath: fetched.diskFolder), to: target)
    }

    /// The version a release pins: itself when the source lists it (or is a registry asked for
    /// an exact tag), else the newest listed version in the range it writes (`4.x`, `*`).
    private func resolve(_ written: String, of source: PackageSource, fetcher: ChartArchiveFetcher) async throws -> (
        String, URL?, String?
    ) {
        let scheme = SemVerVersioning()
        let isExact = scheme.parse(written) != nil
        if case .registry = source, isExact { return (written, nil, nil) }
        let listed = try await fetcher.lookup.versions(of: source).get()
        if listed.versions.contains(written) { return (written, listed.archives[written], listed.digests[written]) }
        let range: VersionRange
        do { range = try VersionRange(written.isEmpty ? "*" : written) } catch {
            throw HelmError(
                operation: "choosing a version of \(source)",
                message: "\(written) is neither a listed version nor a range")
        }
        let matching = listed.versions.map { $0.replacingOccurrences(of: "_", with: "+") }.filter {
            range.contains($0, scheme: scheme)
        }
        guard let newest = matching.max(by: { scheme.compare($0, $1) < 0 }) else {
            throw HelmError(
                operation: "choosing a version of \(source)", message: "no listed version satisfies \(written)")
        }
        return (newest, listed.archives[newest], listed.digests[newest])
    }

    /// The chart unpacked in the disk cache, or downloaded, unpacked beside it and moved in place
    /// whole. By content (`sha256-<hex>`) when the index lists the archive's digest, so two
    /// repositories serving one archive share it; by source and version otherwise (published
    /// versions do not change).
    private func unpackedChart(
        source: PackageSource, version: String, digest: String?, download: () async throws -> Data
    ) async throws -> URL {
        let key =
            digest.map { "sha256-\($0.lowercased())" } ?? DiskCache.fileName(for: "chart \(source.fetchKey) \(version)")
        let root = (cacheFolder ?? scratch).appending(path: "charts")
        let folder = root.appending(path: key)
        if let chart = Self.chartFolder(in: folder) { return chart }
        let archive = try await download()
        let partial = root.appending(path: "\(key).part-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: partial) }
        let unpacked = try ChartArchiveUnpacker.unpack(archive, into: partial)
        noteSchemas(RemoteSchemas.setAside(in: unpacked), chart: "\(source) \(version)")
        if rename(partial.path, folder.path) != 0, Self.chartFolder(in: folder) == nil {
            throw HelmError(
                operation: "keeping the chart \(source) \(version)", message: "could not move it to \(folder.path)")
        }
        guard let chart = Self.chartFolder(in: folder) else {
            throw HelmError(
                operation: "unpacking the chart \(source) \(version)", message: "no chart folder in the archive")
        }
        return chart
    }

    /// The one folder holding a Chart.yaml inside an unpacked archive's folder.
    private static func chartFolder(in folder: URL) -> URL? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.map { folder.appending(path: $0) }.first {
            FileManager.default.fileExists(atPath: $0.appending(path: "Chart.yaml").path)
        }
    }

    private func noteSchemas(_ charts: [String], chart: String) {
        guard !charts.isEmpty else { return }
        notes.append(
            "chart \(chart): rendered without schema validation: the values.schema.json of \(charts.joined(separator: ", ")) refers to schemas on the web, and rendering never fetches"
        )
    }

    private static func label(of chart: HelmChart, fallback: String) -> String {
        guard let json = try? chart.metadataJSON(), let data = json.data(using: .utf8),
            let metadata = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let name = metadata["name"] as? String
        else { return fallback }
        return [name, metadata["version"] as? String].compactMap { $0 }.joined(separator: " ")
    }
}
