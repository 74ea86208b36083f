import Foundation
import Manifests

/// The dependencies a chart folder's Chart.yaml declares that its `charts/` folder does not hold
/// (as a folder or a packed `.tgz`): what `helm dependency build` would fetch.
struct ChartDependency: Sendable, Hashable {
    var name: String
    var version: String
    var repository: String

    static func missing(in folder: URL) -> [ChartDependency] {
        guard let bytes = try? FileContents.read(folder.appending(path: "Chart.yaml").path),
            let items = YAMLParser.parse(bytes: bytes).documents.first?.root?["dependencies"]?.items
        else { return [] }
        let present =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "charts").path)) ?? []
        return items.compactMap { item in
            guard let name = item["name"]?.string, let repository = item["repository"]?.string, !repository.isEmpty
            else { return nil }
            let held = present.contains { $0 == name || ($0.hasPrefix(name + "-") && $0.hasSuffix(".tgz")) }
            return held
                ? nil : ChartDependency(name: name, version: item["version"]?.string ?? "*", repository: repository)
        }
    }
}
