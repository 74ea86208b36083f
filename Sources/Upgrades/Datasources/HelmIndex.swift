import Foundation
import Manifests

/// The part of a Helm repository's `index.yaml` upgrades need: each chart's versions with their
/// archive URLs and release-notes links. Kept small, so a cached copy loads fast.
package struct HelmIndex: Sendable, Codable {
    package struct Release: Sendable, Codable, Hashable {
        package var version: String
        package var urls: [String]
        package var home: String?
        package var sources: [String]
        package var appVersion: String?
        /// The archive's SHA-256, hex, as the index lists it.
        package var digest: String?
    }

    package var charts: [String: [Release]]

    package init(charts: [String: [Release]]) {
        self.charts = charts
    }

    /// Reads an `index.yaml`; malformed entries are skipped, a file that is not an index throws.
    /// Chart by chart when the file has Helm's layout (see `HelmIndexSlices`), whole otherwise.
    package static func parse(_ bytes: [UInt8], url: String) throws -> HelmIndex {
        if let slices = HelmIndexSlices.split(bytes) {
            var charts: [String: [Release]] = [:]
            for slice in slices {
                let stream = YAMLParser.parse(bytes: Array(bytes[slice]))
                guard stream.errors.isEmpty, let entries = stream.documents.first?.root?.entries else {
                    return try parseWhole(bytes, url: url)
                }
                read(entries, into: &charts)
            }
            return HelmIndex(charts: charts)
        }
        return try parseWhole(bytes, url: url)
    }

    private static func parseWhole(_ bytes: [UInt8], url: String) throws -> HelmIndex {
        let stream = YAMLParser.parse(bytes: bytes)
        guard let entries = stream.documents.first?.root?["entries"]?.entries else {
            let reason = stream.errors.first.map { "line \($0.position.line): \($0)" } ?? "it has no entries"
            throw DatasourceError(subject: url, reason: "not a Helm repository index: \(reason)")
        }
        var charts: [String: [Release]] = [:]
        read(entries, into: &charts)
        return HelmIndex(charts: charts)
    }

    private static func read(_ entries: [YAMLMappingEntry], into charts: inout [String: [Release]]) {
        for entry in entries {
            guard let name = entry.keyText, let items = entry.value.items else { continue }
            charts[name] = items.compactMap { item in
                guard let version = item["version"]?.string else { return nil }
                return Release(
                    version: version,
                    urls: item["urls"]?.items?.compactMap(\.string) ?? [],
                    home: item["home"]?.string,
                    sources: item["sources"]?.items?.compactMap(\.string) ?? [],
                    appVersion: item["appVersion"]?.string,
                    digest: item["digest"]?.string)
            }
        }
    }
}
