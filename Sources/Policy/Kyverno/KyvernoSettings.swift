import Manifests

/// The `kyverno:` setting of a configuration file:
///
/// ```yaml
/// kyverno:
///   policies: [policies/require-labels.yaml]   # files read besides the checked tree
///   discover: true                             # policies found in the checked tree run (default)
///   enabled: true                              # false: no Kyverno policy runs
/// ```
package struct KyvernoSettings: Sendable {
    package var policies: [String] = []
    package var discover = true
    package var enabled = true

    package init() {}

    func merging(_ other: KyvernoSettings) -> KyvernoSettings {
        var merged = self
        merged.policies += other.policies
        merged.discover = other.discover
        merged.enabled = other.enabled
        return merged
    }

    /// Reads the setting; problems come back with the node they are about.
    static func read(_ node: YAMLNode) -> (settings: KyvernoSettings, problems: [(YAMLNode, String)]) {
        var settings = KyvernoSettings()
        var problems: [(YAMLNode, String)] = []
        guard let entries = node.entries else {
            if !node.isNull { problems.append((node, "`kyverno` must be a mapping (policies, discover, enabled)")) }
            return (settings, problems)
        }
        for entry in entries {
            switch entry.keyText ?? "" {
            case "policies":
                if let single = entry.value.string, entry.value.items == nil {
                    settings.policies = [single]
                } else if let items = entry.value.items {
                    settings.policies = items.compactMap(\.string)
                } else if !entry.value.isNull {
                    problems.append((entry.value, "`kyverno.policies` must be a list of files"))
                }
            case "discover", "enabled":
                guard let value = entry.value.bool else {
                    problems.append((entry.value, "`kyverno.\(entry.keyText ?? "")` must be true or false"))
                    continue
                }
                if entry.keyText == "discover" { settings.discover = value } else { settings.enabled = value }
            case let key:
                problems.append((entry.key, "unknown setting `kyverno.\(key)`; use policies, discover or enabled"))
            }
        }
        return (settings, problems)
    }
}
