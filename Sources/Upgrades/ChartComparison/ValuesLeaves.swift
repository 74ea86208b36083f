import Foundation
import Manifests

/// The leaves of a values.yaml as key paths written the way `helm --set` takes them
/// (`image.tag`, `podAnnotations.prometheus\.io/scrape`), each with its value on one line, so two
/// versions of a chart's defaults compare key by key. Lists and empty maps are leaves: a list is
/// replaced as a whole when a user overrides it, so it is compared as a whole.
enum ValuesLeaves {
    /// Key path → value; `nil` when the text is not valid YAML, so that a broken file is not
    /// reported as every key removed.
    static func read(_ text: String?) -> [String: String]? {
        guard let text else { return [:] }
        let stream = YAMLParser.parse(text)
        guard stream.errors.isEmpty else { return nil }
        guard let root = stream.documents.first?.root else { return [:] }
        var leaves: [String: String] = [:]
        collect(root, path: nil, into: &leaves)
        return leaves
    }

    private static func collect(_ node: YAMLNode, path: String?, into leaves: inout [String: String]) {
        if let entries = node.entries, !entries.isEmpty {
            for entry in entries {
                guard let key = entry.keyText?.replacingOccurrences(of: ".", with: "\\.") else { continue }
                collect(entry.value, path: path.map { "\($0).\(key)" } ?? key, into: &leaves)
            }
        } else if let path {
            leaves[path] = ValueRendering.flow(node)
        }
    }
}
