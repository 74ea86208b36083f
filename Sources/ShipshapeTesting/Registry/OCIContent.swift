import Foundation

/// The JSON documents and media types of what the fixture pushes: OCI (or Docker schema 2) image
/// manifests and configs, and Helm's chart artifact, serialised with sorted keys so the same
/// content always has the same digest.
enum OCIContent {
    struct Blob {
        var mediaType: String
        var data: Data

        var descriptor: [String: Any] {
            ["mediaType": mediaType, "digest": SHA256Digest.digest(data), "size": data.count]
        }
    }

    static let helmConfigMediaType = "application/vnd.cncf.helm.config.v1+json"
    static let helmChartMediaType = "application/vnd.cncf.helm.chart.content.v1.tar+gzip"
    static let ociManifestMediaType = "application/vnd.oci.image.manifest.v1+json"

    static func manifest(mediaType: String, config: Blob, layers: [Blob], annotations: [String: String] = [:]) throws
        -> Data
    {
        var manifest: [String: Any] = [
            "schemaVersion": 2, "mediaType": mediaType,
            "config": config.descriptor, "layers": layers.map(\.descriptor),
        ]
        if !annotations.isEmpty { manifest["annotations"] = annotations }
        return try json(manifest)
    }

    /// An image config whose `config.Labels` carry the labels (where `org.opencontainers.image.source`
    /// is read from) and whose `rootfs` names the uncompressed layer.
    static func imageConfig(labels: [String: String], uncompressedLayer: Data) throws -> Data {
        try json([
            "architecture": "amd64", "os": "linux", "created": "2026-01-01T00:00:00Z",
            "config": ["Labels": labels],
            "rootfs": ["type": "layers", "diff_ids": [SHA256Digest.digest(uncompressedLayer)]],
        ])
    }

    static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
