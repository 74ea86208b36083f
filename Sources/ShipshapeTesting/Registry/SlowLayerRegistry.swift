import Foundation

/// One image (one layer) served over the registry API by a `LoopbackHTTPServer`, without a
/// login, its layer sent at a pace the test sets: in pieces some time apart (a slow but steady
/// link) or its first bytes and then nothing (a stalled one). `docker-registry` always sends as
/// fast as it can; this is for the time limits of the clients that read layers.
package final class SlowLayerRegistry: Sendable {
    package enum Pace: Sendable {
        /// `piece` bytes every `interval`.
        case trickle(piece: Int, interval: Duration)
        /// The first `after` bytes, then nothing.
        case stall(after: Int)
    }

    private let server: LoopbackHTTPServer
    /// `127.0.0.1:<port>`: the registry part of an image reference.
    package var host: String { "127.0.0.1:\(server.port)" }

    package init(repository: String, tag: String, layer: LayerArchive, pace: Pace) throws {
        let config = try OCIContent.json(["os": "linux", "architecture": "amd64"])
        let configBlob = OCIContent.Blob(mediaType: "application/vnd.oci.image.config.v1+json", data: config)
        let manifest = try OCIContent.manifest(
            mediaType: OCIContent.ociManifestMediaType, config: configBlob, layers: [layer.blob])
        let blobs = "/v2/\(repository)/blobs/"
        let configPath = blobs + SHA256Digest.digest(config)
        let layerPath = blobs + layer.digest
        server = try LoopbackHTTPServer { request in
            switch request.path {
            case "/v2/\(repository)/manifests/\(tag)":
                return .respond(
                    ServedResponse(
                        status: 200, headers: [("Content-Type", OCIContent.ociManifestMediaType)], body: manifest))
            case configPath:
                return .respond(ServedResponse(status: 200, body: config))
            case layerPath:
                let response = ServedResponse(status: 200, body: layer.data)
                switch pace {
                case .trickle(let piece, let interval): return .trickle(response, piece: piece, interval: interval)
                case .stall(let count): return .stall(response, after: count)
                }
            default:
                return .respond(ServedResponse(status: 404))
            }
        }
    }

    package func shutdown() { server.shutdown() }
}
