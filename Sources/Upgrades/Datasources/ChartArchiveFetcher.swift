import Crypto
import Foundation
import HTTPKit

/// Downloads a chart's packed archive: from the URL a Helm repository's index lists, or the chart
/// layer of the OCI artifact a registry holds (Helm writes `+` in versions as `_` in tags).
/// Archives over `sizeLimit` are refused.
package struct ChartArchiveFetcher: Sendable {
    package let lookup: VersionLookup
    package let http: any HTTPClient
    package var sizeLimit: Int

    static let chartLayerType = "application/vnd.cncf.helm.chart.content.v1.tar+gzip"
    /// Helm refuses charts that unpack to more than 100 MiB; packed, real charts are far under 16.
    package static let defaultSizeLimit = 16 << 20

    package init(lookup: VersionLookup, http: any HTTPClient, sizeLimit: Int = ChartArchiveFetcher.defaultSizeLimit) {
        self.lookup = lookup
        self.http = http
        self.sizeLimit = sizeLimit
    }

    /// The archive of `version` of the chart at `source`; `url` is the index's archive URL for a
    /// Helm repository (nil for a registry), `digest` the SHA-256 the index lists for it, which the
    /// archive must have. A registry's chart layer must have the digest its manifest names.
    package func archive(of source: PackageSource, version: String, url: URL?, digest: String? = nil) async throws
        -> Data
    {
        let data: Data
        switch lookup.mirrored(source) {
        case .helmRepository(_, let chart):
            guard let url else {
                throw DatasourceError(subject: chart, reason: "the index lists no archive for \(version)")
            }
            let request = HTTPRequest(url: url)
            data = try await http.send(request).requireSuccess(for: request).body
        case .registry(let host, let repository):
            let tag = version.replacingOccurrences(of: "+", with: "_")
            let manifest = try await lookup.registry.manifest(host: host, repository: repository, reference: tag)
            struct Manifest: Decodable {
                struct Layer: Decodable {
                    let mediaType: String?
                    let digest: String
                    let size: Int?
                }
                let layers: [Layer]?
            }
            let layers = (try? JSONDecoder().decode(Manifest.self, from: manifest.body))?.layers ?? []
            guard let chart = layers.first(where: { $0.mediaType == Self.chartLayerType }) else {
                throw DatasourceError(
                    subject: "\(host)/\(repository):\(tag)", reason: "the artifact holds no Helm chart layer")
            }
            if let size = chart.size, size > sizeLimit {
                throw DatasourceError(
                    subject: "\(host)/\(repository):\(tag)",
                    reason: "the chart layer has \(size) bytes, over the limit of \(sizeLimit)")
            }
            data = try await lookup.registry.blob(host: host, repository: repository, digest: chart.digest)
            guard "sha256:" + Self.sha256(data) == chart.digest else {
                throw DatasourceError(
                    subject: "\(host)/\(repository):\(tag)",
                    reason: "the chart layer does not have the digest its manifest names (\(chart.digest))")
            }
        }
        if let digest, Self.sha256(data) != digest.lowercased() {
            throw DatasourceError(
                subject: source.description,
                reason: "the archive of \(version) does not have the digest the index lists (\(digest))")
        }
        guard data.count <= sizeLimit else {
            throw DatasourceError(
                subject: source.description,
                reason: "the chart archive of \(version) has \(data.count) bytes, over the limit of \(sizeLimit)")
        }
        return data
    }

    /// SHA-256 in hex: what Helm indexes list and OCI digests name.
    package static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
