import Foundation
import HTTPKit

/// Downloads a chart's packed archive: from the URL a Helm repository's index lists, or the chart
/// layer of the OCI artifact a registry holds (Helm writes `+` in versions as `_` in tags).
/// Archives over `sizeLimit` are refused.
public struct ChartArchiveFetcher: Sendable {
    public let lookup: VersionLookup
    public let http: any HTTPClient
    public var sizeLimit: Int

    static let chartLayerType = "application/vnd.cncf.helm.chart.content.v1.tar+gzip"
    /// Helm refuses charts that unpack to more than 100 MiB; packed, real charts are far under 16.
    public static let defaultSizeLimit = 16 << 20

    public init(lookup: VersionLookup, http: any HTTPClient, sizeLimit: Int = ChartArchiveFetcher.defaultSizeLimit) {
        self.lookup = lookup
        self.http = http
        self.sizeLimit = sizeLimit
    }

    /// The archive of `version` of the chart at `source`; `url` is the index's archive URL for a
    /// Helm repository (nil for a registry).
    public func archive(of source: PackageSource, version: String, url: URL?) async throws -> Data {
        let data: Data
        switch lookup.mirrored(source) {
        case .helmRepository(_, let chart):
            guard let url else { throw DatasourceError(subject: chart, reason: "the index lists no archive for \(version)") }
            let request = HTTPRequest(url: url)
            data = try await http.send(request).requireSuccess(for: request).body
        case .registry(let host, let repository):
            let tag = version.replacingOccurrences(of: "+", with: "_")
            let manifest = try await lookup.registry.manifest(host: host, repository: repository, reference: tag)
            struct Manifest: Decodable {
                struct Layer: Decodable { let mediaType: String?; let digest: String; let size: Int? }
                let layers: [Layer]?
            }
            let layers = (try? JSONDecoder().decode(Manifest.self, from: manifest.body))?.layers ?? []
            guard let chart = layers.first(where: { $0.mediaType == Self.chartLayerType }) else {
                throw DatasourceError(subject: "\(host)/\(repository):\(tag)", reason: "the artifact holds no Helm chart layer")
            }
            if let size = chart.size, size > sizeLimit {
                throw DatasourceError(subject: "\(host)/\(repository):\(tag)", reason: "the chart layer has \(size) bytes, over the limit of \(sizeLimit)")
            }
            data = try await lookup.registry.blob(host: host, repository: repository, digest: chart.digest)
        }
        guard data.count <= sizeLimit else {
            throw DatasourceError(subject: source.description, reason: "the chart archive of \(version) has \(data.count) bytes, over the limit of \(sizeLimit)")
        }
        return data
    }
}
