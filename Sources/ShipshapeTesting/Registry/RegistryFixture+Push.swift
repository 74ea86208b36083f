import Foundation

extension RegistryFixture {
    /// How an image manifest is pushed: OCI, or Docker's schema 2 (what older tools push).
    package enum ManifestFormat: Sendable {
        case oci
        case dockerV2
    }

    /// Pushes one tiny image under every tag in `tags` and returns tag → manifest digest
    /// ("sha256:…"). The tags of one call share the image (one digest, like `1.2.3` and `latest`
    /// of one build); separate calls push different images, and so do different labels. The labels
    /// go into the image config's `config.Labels`.
    @discardableResult
    package func pushImage(
        repository: String, tags: [String], labels: [String: String] = [:],
        format: ManifestFormat = .oci
    ) throws -> [String: String] {
        try lock.withLock {
            let layer = try ImageLayer(
                fileName: "build", text: "\(repository) \(tags.joined(separator: " "))\n", scratch: folder)
            let configData = try OCIContent.imageConfig(labels: labels, uncompressedLayer: layer.uncompressed)
            let (manifestType, config, layerBlob): (String, OCIContent.Blob, OCIContent.Blob) =
                switch format {
                case .oci:
                    (
                        OCIContent.ociManifestMediaType,
                        .init(mediaType: "application/vnd.oci.image.config.v1+json", data: configData),
                        .init(mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", data: layer.compressed)
                    )
                case .dockerV2:
                    (
                        "application/vnd.docker.distribution.manifest.v2+json",
                        .init(mediaType: "application/vnd.docker.container.image.v1+json", data: configData),
                        .init(mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", data: layer.compressed)
                    )
                }
            let manifest = try OCIContent.manifest(mediaType: manifestType, config: config, layers: [layerBlob])
            try uploader.uploadBlob(config.data, repository: repository)
            try uploader.uploadBlob(layerBlob.data, repository: repository)
            var digests: [String: String] = [:]
            for tag in tags {
                digests[tag] = try uploader.putManifest(
                    manifest, mediaType: manifestType, repository: repository, tag: tag)
            }
            return digests
        }
    }

    /// Pushes a chart archive as `helm push` does: an OCI manifest whose config
    /// (`application/vnd.cncf.helm.config.v1+json`) holds Chart.yaml's fields as JSON and whose one
    /// layer is the `.tgz`. The tag is the version with `+` replaced by `_` (OCI tags cannot hold
    /// `+`). Returns the manifest digest.
    @discardableResult
    package func pushChart(repository: String, archive: Data, version: String) throws -> String {
        try lock.withLock {
            var metadata = try HelmChartMetadata.read(fromArchive: archive, scratch: folder)
            metadata["version"] = version
            let config = OCIContent.Blob(mediaType: OCIContent.helmConfigMediaType, data: try OCIContent.json(metadata))
            let chart = OCIContent.Blob(mediaType: OCIContent.helmChartMediaType, data: archive)
            var annotations = ["org.opencontainers.image.version": version]
            if let name = metadata["name"] as? String { annotations["org.opencontainers.image.title"] = name }
            if let description = metadata["description"] as? String {
                annotations["org.opencontainers.image.description"] = description
            }
            let manifest = try OCIContent.manifest(
                mediaType: OCIContent.ociManifestMediaType, config: config, layers: [chart],
                annotations: annotations)
            try uploader.uploadBlob(config.data, repository: repository)
            try uploader.uploadBlob(chart.data, repository: repository)
            return try uploader.putManifest(
                manifest, mediaType: OCIContent.ociManifestMediaType, repository: repository,
                tag: version.replacingOccurrences(of: "+", with: "_"))
        }
    }
}
