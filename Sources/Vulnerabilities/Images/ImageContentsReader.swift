import Archives
import Foundation
import Upgrades

/// Reads an image from its registry through the upgrade engine's `RegistryClient` (its logins
/// and token handling): the index's entry for the platform, the manifest, the config, then each
/// layer, streamed (`LayerStream`: gzip, zstd or plain tar read as it arrives; its size checked
/// against the manifest and the limits before and while it streams; its digest verified at the
/// end), applied in order into `RootFiles`. Registries with a configured mirror
/// (`upgrades.mirrors`, as the upgrade engine reads tags) are read there.
package struct ImageContentsReader: Sendable {
    package struct Limits: Sendable {
        package var compressedLayerBytes: Int
        package var uncompressedLayerBytes: Int
        package var layers: Int
        /// The largest file a layer's reading holds: package databases (larger is an error) and
        /// ELF files, read for Go build information (larger ones are kept as present only).
        package var keptFileBytes: Int
        /// How long one layer's download and reading may take in all: a gigabyte on a slow link
        /// (the HTTP client's own limit is for a whole exchange, meant for manifests and tokens).
        package var layerDownloadTime: Duration
        /// How long a layer's download may go without a byte before it fails (a stalled registry).
        package var layerIdleTime: Duration

        package init(
            compressedLayerBytes: Int = 1 << 30, uncompressedLayerBytes: Int = 4 << 30, layers: Int = 256,
            keptFileBytes: Int = 256 << 20, layerDownloadTime: Duration = .seconds(3600),
            layerIdleTime: Duration = .seconds(60)
        ) {
            self.compressedLayerBytes = compressedLayerBytes
            self.uncompressedLayerBytes = uncompressedLayerBytes
            self.layers = layers
            self.keptFileBytes = keptFileBytes
            self.layerDownloadTime = layerDownloadTime
            self.layerIdleTime = layerIdleTime
        }
    }

    /// What was read: the manifest's digest, the platform the config states, the files.
    package struct Contents: Sendable {
        package var manifestDigest: String?
        package var platform: String
        package var root: RootFiles
    }

    private let registry: RegistryClient
    private let platform: ImagePlatform
    private let limits: Limits
    private let cache: LayerCache
    private let mirrors: SourceMirrors

    package init(
        registry: RegistryClient, platform: ImagePlatform = .linuxAMD64, limits: Limits = Limits(),
        cache: LayerCache = LayerCache(), mirrors: SourceMirrors = SourceMirrors()
    ) {
        self.registry = registry
        self.platform = platform
        self.limits = limits
        self.cache = cache
        self.mirrors = mirrors
    }

    package func contents(of image: ImageReference) async throws -> Contents {
        let name = image.description
        func failure(_ reason: String, overLimit: Bool = false) -> ImageScanError {
            ImageScanError(image: name, reason: reason, isOverLimit: overLimit)
        }
        let (host, repository) = mirrors.registry(host: image.apiHost, repository: image.repository)
        let reference = image.digest ?? image.tag ?? "latest"
        var fetched = try await registry.manifest(host: host, repository: repository, reference: reference)
        var manifest = try decode(ImageManifest.self, fetched.body, failure("its manifest is not OCI or Docker JSON"))
        var digest = fetched.digest
        if let entries = manifest.manifests {
            guard
                let entry = entries.first(where: {
                    platform.accepts(
                        os: $0.platform?.os, architecture: $0.platform?.architecture, variant: $0.platform?.variant)
                })
            else {
                let offered = entries.compactMap {
                    $0.platform.map { [$0.os, $0.architecture, $0.variant].compactMap { $0 }.joined(separator: "/") }
                }
                throw failure("has no \(platform) image (the index offers \(offered.joined(separator: ", ")))")
            }
            fetched = try await registry.manifest(host: host, repository: repository, reference: entry.digest)
            manifest = try decode(
                ImageManifest.self, fetched.body, failure("its \(platform) manifest is not OCI or Docker JSON"))
            digest = entry.digest
        }
        guard let configDescriptor = manifest.config, let layers = manifest.layers else {
            throw failure("its manifest names no config or layers")
        }
        guard layers.count <= limits.layers else {
            throw failure("has \(layers.count) layers, more than \(limits.layers); refused", overLimit: true)
        }
        let configBlob = try await registry.blob(host: host, repository: repository, digest: configDescriptor.digest)
        let config = try decode(ImageConfig.self, configBlob, failure("its config is not an image config"))
        var root = RootFiles()
        for layer in layers {
            if layer.mediaType.contains("foreign") || layer.mediaType.contains("nondistributable") { continue }
            guard layer.size <= limits.compressedLayerBytes else {
                throw failure(
                    "layer \(layer.digest) is \(layer.size >> 20) MiB compressed, more than the limit of \(limits.compressedLayerBytes >> 20) MiB; refused",
                    overLimit: true)
            }
            let changes = try await cache.changes(digest: layer.digest) { [registry, limits] in
                try await Self.read(layer, limits: limits, image: name) { stream in
                    try await registry.blob(
                        host: host, repository: repository, digest: layer.digest, to: stream,
                        timeout: limits.layerDownloadTime, idleTimeout: limits.layerIdleTime)
                }
            }
            root.apply(changes)
        }
        return Contents(
            manifestDigest: digest,
            platform: [config.os, config.architecture].compactMap { $0 }.joined(separator: "/"), root: root)
    }

    /// One layer streamed through `download`; what goes wrong is an error naming the image and layer.
    static func read(
        _ layer: ImageManifest.Descriptor, limits: Limits, image: String,
        download: (LayerStream) async throws -> Void
    ) async throws -> LayerChanges {
        do {
            let stream = try LayerStream(digest: layer.digest, declaredSize: layer.size, limits: limits)
            try await download(stream)
            return try stream.finish()
        } catch let error as ArchiveError {
            throw ImageScanError(
                image: image, reason: "layer \(layer.digest) \(error.description)", isOverLimit: error.isOverLimit)
        } catch {
            throw ImageScanError(image: image, reason: "layer \(layer.digest) could not be read: \(error)")
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ data: Data, _ error: ImageScanError) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch { throw error }
    }
}

/// An image manifest or index, the fields read.
struct ImageManifest: Decodable {
    struct Descriptor: Decodable, Sendable {
        struct Platform: Decodable, Sendable {
            let os: String?
            let architecture: String?
            let variant: String?
        }

        let mediaType: String
        let digest: String
        let size: Int
        let platform: Platform?
    }

    let manifests: [Descriptor]?
    let config: Descriptor?
    let layers: [Descriptor]?
}

struct ImageConfig: Decodable {
    let os: String?
    let architecture: String?
}
