import Archives
import Blocking
import Crypto
import Foundation
import Upgrades

/// Reads an image from its registry through the upgrade engine's `RegistryClient` (its logins
/// and token handling): the index's entry for the platform, the manifest, the config, then each
/// layer (gzip, zstd or plain tar; its size checked against the manifest and the limits before
/// and while unpacking; its digest verified), applied in order into `RootFiles`. Registries with
/// a configured mirror (`upgrades.mirrors`, as the upgrade engine reads tags) are read there.
package struct ImageContentsReader: Sendable {
    package struct Limits: Sendable {
        package var compressedLayerBytes: Int
        package var uncompressedLayerBytes: Int
        package var layers: Int

        package init(compressedLayerBytes: Int = 1 << 30, uncompressedLayerBytes: Int = 4 << 30, layers: Int = 256) {
            self.compressedLayerBytes = compressedLayerBytes
            self.uncompressedLayerBytes = uncompressedLayerBytes
            self.layers = layers
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
        let (host, repository) = location(of: image)
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
                let blob = try await registry.blob(host: host, repository: repository, digest: layer.digest)
                return try await ScanThreads.pool.value {
                    try Self.unpack(blob, layer: layer, limits: limits, image: name)
                }
            }
            root.apply(changes)
        }
        return Contents(
            manifestDigest: digest,
            platform: [config.os, config.architecture].compactMap { $0 }.joined(separator: "/"), root: root)
    }

    /// The host and repository to read `image` from: its own, or its registry's mirror.
    private func location(of image: ImageReference) -> (host: String, repository: String) {
        let source = PackageSource.registry(host: image.apiHost, repository: image.repository)
        guard case .registry(let host, let repository) = mirrors.mirrored(source) else {
            return (image.apiHost, image.repository)
        }
        return (host, repository)
    }

    static func unpack(_ blob: Data, layer: ImageManifest.Descriptor, limits: Limits, image: String) throws
        -> LayerChanges
    {
        func failure(_ reason: String, overLimit: Bool = false) -> ImageScanError {
            ImageScanError(image: image, reason: "layer \(layer.digest) \(reason)", isOverLimit: overLimit)
        }
        guard blob.count <= limits.compressedLayerBytes else {
            throw failure("is larger than the limit; refused", overLimit: true)
        }
        guard layer.digest.hasPrefix("sha256:"),
            "sha256:" + SHA256.hash(data: blob).map({ String(format: "%02x", $0) }).joined() == layer.digest
        else {
            throw failure("does not match its digest (corrupt or not sha256)")
        }
        let bytes = Array(blob)
        do {
            let tar: [UInt8]
            if bytes.starts(with: [0x1f, 0x8b]) {
                tar = try Gzip.inflate(bytes, limit: limits.uncompressedLayerBytes)
            } else if bytes.starts(with: [0x28, 0xb5, 0x2f, 0xfd]) {
                tar = try Zstd.decompress(bytes, limit: limits.uncompressedLayerBytes)
            } else {
                guard bytes.count <= limits.uncompressedLayerBytes else {
                    throw ArchiveError(reason: "is larger than the limit; refused", isOverLimit: true)
                }
                tar = bytes
            }
            return try LayerChanges(tar: tar)
        } catch let error as ArchiveError {
            throw failure(error.description, overLimit: error.isOverLimit)
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
