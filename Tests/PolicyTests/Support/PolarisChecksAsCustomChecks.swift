import Foundation
import Policy
import ShipshapeTesting

/// Polaris' own built-in checks (`../shared/reference/polaris/pkg/config/checks/<id>.yaml`),
/// each loaded as a Polaris custom check with its built-in id, which replaces Shipshape's native
/// check of that id. All are set to `warning`, as are the native checks they are compared with.
enum PolarisChecksAsCustomChecks {
    static let folder = SharedData.folder.appending(path: "reference/polaris/pkg/config/checks")

    struct Loaded {
        var configuration = PolicyConfiguration()
        /// Check id → why it cannot be loaded (Polaris writes one check in Go, not as a schema).
        var notLoaded: [String: String] = [:]
        var ids: [String] = []
    }

    static func load() -> Loaded {
        var loaded = Loaded()
        for url in TestPaths.files(in: folder) {
            let id = url.deletingPathExtension().lastPathComponent
            loaded.ids.append(id)
            do {
                loaded.configuration = loaded.configuration.merging(
                    try configuration(id: id, definition: try String(contentsOf: url, encoding: .utf8)))
            } catch {
                loaded.notLoaded[id] = "\(error)"
            }
        }
        return loaded
    }

    /// One check's definition as the `customChecks` entry of a configuration file.
    static func configuration(id: String, definition: String) throws -> PolicyConfiguration {
        let indented = definition.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(
            separator: "\n")
        let text = "checks:\n  \(id): warning\ncustomChecks:\n  \(id):\n\(indented)\n"
        return try ConfigurationReader.read(text: text, file: "\(id).yaml", knownChecks: Catalogue.ids)
    }

    /// The native checks, all at `warning`.
    static func nativeSeverities(_ ids: [String]) -> PolicyConfiguration {
        PolicyConfiguration(severities: Dictionary(uniqueKeysWithValues: ids.map { ($0, Severity.warning) }))
    }
}
