import Foundation

/// An image layer made from a folder with `tar` (fixed owner, times and order, so the same
/// folder gives the same digest) and compressed with `gzip` or `zstd`, or left plain; or any
/// bytes a test wants to push as a layer (a corrupt one).
package struct LayerArchive: Sendable {
    package enum Compression: Sendable { case gzip, zstd, none }

    package var data: Data
    package var mediaType: String

    package init(data: Data, mediaType: String = "application/vnd.oci.image.layer.v1.tar+gzip") {
        self.data = data
        self.mediaType = mediaType
    }

    /// Everything in `folder` (whiteout files like `.wh.name` included, as they are named).
    package init(folder: URL, compression: Compression = .gzip) throws {
        let archive = folder.deletingLastPathComponent().appending(
            path: "\(folder.lastPathComponent)-\(UUID().uuidString).tar")
        defer { try? FileManager.default.removeItem(at: archive) }
        let tar = try ProcessRunner.tool(
            "tar",
            [
                "--format=pax", "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner",
                "-cf", archive.path, "-C", folder.path, ".",
            ])
        guard tar.status == 0 else { throw FixtureError("tar failed: \(tar.output)") }
        switch compression {
        case .none:
            data = try Data(contentsOf: archive)
            mediaType = "application/vnd.oci.image.layer.v1.tar"
        case .gzip:
            let zipped = try ProcessRunner.tool("gzip", ["-n", "-k", "-f", archive.path])
            guard zipped.status == 0 else { throw FixtureError("gzip failed: \(zipped.output)") }
            data = try Data(contentsOf: URL(fileURLWithPath: archive.path + ".gz"))
            try? FileManager.default.removeItem(atPath: archive.path + ".gz")
            mediaType = "application/vnd.oci.image.layer.v1.tar+gzip"
        case .zstd:
            let packed = try ProcessRunner.tool("zstd", ["-q", "-f", archive.path, "-o", archive.path + ".zst"])
            guard packed.status == 0 else { throw FixtureError("zstd failed: \(packed.output)") }
            data = try Data(contentsOf: URL(fileURLWithPath: archive.path + ".zst"))
            try? FileManager.default.removeItem(atPath: archive.path + ".zst")
            mediaType = "application/vnd.oci.image.layer.v1.tar+zstd"
        }
    }

    /// `sha256:…`, as the manifest and the registry name the layer.
    package var digest: String { SHA256Digest.digest(data) }

    var blob: OCIContent.Blob { OCIContent.Blob(mediaType: mediaType, data: data) }
}

extension RegistryFixture {
    /// A pushed image manifest: its digest and size, as an index entry names them.
    package struct PushedManifest: Sendable {
        package var digest: String
        package var size: Int
    }

    /// Pushes an OCI image of these layers (bottom first) for one platform, tagged `tag` if given.
    @discardableResult
    package func pushImage(
        repository: String, tag: String?, layers: [LayerArchive], os: String = "linux", architecture: String = "amd64"
    ) throws -> PushedManifest {
        try lock.withLock {
            let config = OCIContent.Blob(
                mediaType: "application/vnd.oci.image.config.v1+json",
                data: try OCIContent.json([
                    "architecture": architecture, "os": os, "created": "2026-01-01T00:00:00Z",
                    "config": [String: String](),
                    "rootfs": ["type": "layers", "diff_ids": layers.map { SHA256Digest.digest($0.data) }],
                ]))
            try uploader.uploadBlob(config.data, repository: repository)
            for layer in layers { try uploader.uploadBlob(layer.data, repository: repository) }
            let manifest = try OCIContent.manifest(
                mediaType: OCIContent.ociManifestMediaType, config: config, layers: layers.map(\.blob))
            let digest = try uploader.putManifest(
                manifest, mediaType: OCIContent.ociManifestMediaType, repository: repository,
                tag: tag ?? SHA256Digest.digest(manifest))
            return PushedManifest(digest: digest, size: manifest.count)
        }
    }

    /// Pushes an OCI image index over manifests already pushed to `repository`, with their platforms.
    @discardableResult
    package func pushIndex(
        repository: String, tag: String, manifests: [(PushedManifest, os: String, architecture: String)]
    ) throws -> String {
        try lock.withLock {
            let mediaType = "application/vnd.oci.image.index.v1+json"
            let index = try OCIContent.json([
                "schemaVersion": 2, "mediaType": mediaType,
                "manifests": manifests.map { entry in
                    [
                        "mediaType": OCIContent.ociManifestMediaType, "digest": entry.0.digest, "size": entry.0.size,
                        "platform": ["os": entry.os, "architecture": entry.architecture],
                    ] as [String: Any]
                },
            ])
            return try uploader.putManifest(index, mediaType: mediaType, repository: repository, tag: tag)
        }
    }
}
