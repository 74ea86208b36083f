import Manifests

/// Reads a Shipshape or Polaris configuration file into a `PolicyConfiguration`,
/// collecting every problem with its position instead of stopping at the first.
package struct ConfigurationReader {
    /// Polaris keys that mean nothing to `check`, accepted so a Polaris file works unchanged.
    static let acceptedPolarisKeys: Set<String> = ["mutations", "displayName"]

    let file: String
    private var knownChecks: Set<String>
    var problems: [ConfigurationError.Problem] = []
    var notes: [String] = []

    package init(file: String, knownChecks: Set<String>) {
        self.file = file
        self.knownChecks = knownChecks
    }

    package static func read(text: String, file: String, knownChecks: Set<String>) throws(ConfigurationError)
        -> PolicyConfiguration
    {
        var reader = ConfigurationReader(file: file, knownChecks: knownChecks)
        return try reader.read(text)
    }

    private mutating func read(_ text: String) throws(ConfigurationError) -> PolicyConfiguration {
        let stream = YAMLParser.parse(text)
        for error in stream.errors {
            problems.append(.init(position: error.position, message: "not valid YAML: \(error)"))
        }
        var configuration = PolicyConfiguration()
        if let root = stream.documents.first?.root {
            // Custom checks' ids are known to `checks:` wherever the two settings are in the file.
            for custom in root["customChecks"]?.entries ?? [] { if let id = custom.keyText { knownChecks.insert(id) } }
            if let entries = root.entries {
                for entry in entries { apply(entry, to: &configuration) }
            } else {
                problems.append(.init(position: root.start, message: "the configuration must be a mapping of settings"))
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(file: file, problems: problems) }
        for check in configuration.customChecks where configuration.severities[check.id] == nil {
            notes.append(
                "\(file): custom check `\(check.id)` has no severity under `checks:` (danger or warning), so it was not run, as in Polaris"
            )
        }
        configuration.notes = notes
        return configuration
    }

    private mutating func apply(_ entry: YAMLMappingEntry, to configuration: inout PolicyConfiguration) {
        let value = entry.value
        switch entry.keyText ?? "" {
        case "checks":
            configuration.severities = readSeverities(value)
        case "exemptions":
            configuration.exemptions = (value.items ?? []).compactMap { readExemption($0) }
            if !value.isNull, value.items == nil { problem(value, "`exemptions` must be a list") }
        case "ignorePaths":
            configuration.ignorePaths = readStrings(value, setting: "ignorePaths").map(PathPattern.init)
        case "kubernetesVersion":
            configuration.kubernetesVersion = readVersion(value, setting: "kubernetesVersion")
        case "targetVersions":
            for component in value.entries ?? [] {
                if let name = component.keyText,
                    let version = readVersion(component.value, setting: "targetVersions.\(name)")
                {
                    configuration.targetVersions[name] = version
                }
            }
        case "disallowExemptions":
            let disallow = readBool(value, setting: "disallowExemptions")
            configuration.disallowConfigExemptions = disallow
            configuration.disallowAnnotationExemptions = disallow
        case "disallowConfigExemptions":
            configuration.disallowConfigExemptions = readBool(value, setting: "disallowConfigExemptions")
        case "disallowAnnotationExemptions":
            configuration.disallowAnnotationExemptions = readBool(value, setting: "disallowAnnotationExemptions")
        case "pullRequestExemptions":
            switch value.string {
            case "report": configuration.countsExemptionsAddedByChanges = false
            case "count": configuration.countsExemptionsAddedByChanges = true
            default:
                problem(
                    value,
                    "`pullRequestExemptions` must be report (list the exemptions a change adds, do not count them before merge) or count"
                )
            }
        case "fixes":
            configuration.fixes = readFixSettings(value)
        case "customChecks":
            configuration.customChecks = readCustomChecks(value)
        case "kyverno":
            let read = KyvernoSettings.read(value)
            configuration.kyverno = read.settings
            for (node, message) in read.problems { problem(node, message) }
        case "upgrades":
            // Read by the upgrade commands (`UpgradeSettings`), not by the checks.
            break
        case let key where Self.acceptedPolarisKeys.contains(key):
            break
        case let key:
            problem(
                entry.key,
                "unknown setting `\(key)`; known settings: checks, exemptions, ignorePaths, kubernetesVersion, targetVersions, fixes, disallowExemptions, disallowConfigExemptions, disallowAnnotationExemptions, pullRequestExemptions, customChecks, kyverno, upgrades"
            )
        }
    }

    private mutating func readSeverities(_ node: YAMLNode) -> [String: Severity] {
        guard let entries = node.entries else {
            if !node.isNull { problem(node, "`checks` must map check ids to danger, warning or ignore") }
            return [:]
        }
        var severities: [String: Severity] = [:]
        for entry in entries {
            guard let id = entry.keyText else { continue }
            guard let text = entry.value.string, let severity = Severity(rawValue: text) else {
                problem(entry.value, "severity of `\(id)` must be danger, warning or ignore")
                continue
            }
            if !knownChecks.contains(id), !id.hasPrefix("kyverno:") {
                notes.append(
                    "\(file):\(entry.key.start.line): no check has the id `\(id)`\(suggestion(for: id)); the setting was not used"
                )
            }
            severities[id] = severity
        }
        return severities
    }

    private mutating func readExemption(_ node: YAMLNode) -> Exemption? {
        guard let entries = node.entries else {
            problem(node, "each exemption must be a mapping (namespace, controllerNames, containerNames, rules, paths)")
            return nil
        }
        var exemption = Exemption()
        for entry in entries {
            switch entry.keyText ?? "" {
            case "namespace": exemption.namespace = entry.value.string
            case "controllerNames": exemption.controllerNames = readStrings(entry.value, setting: "controllerNames")
            case "containerNames": exemption.containerNames = readStrings(entry.value, setting: "containerNames")
            case "rules": exemption.rules = readStrings(entry.value, setting: "rules")
            case "paths": exemption.paths = readStrings(entry.value, setting: "paths").map(PathPattern.init)
            case let key:
                problem(
                    entry.key,
                    "unknown exemption field `\(key)`; use namespace, controllerNames, containerNames, rules or paths")
            }
        }
        return exemption
    }

    private mutating func readFixSettings(_ node: YAMLNode) -> FixSettings {
        var settings = FixSettings()
        for entry in node.entries ?? [] {
            switch entry.keyText ?? "" {
            case "probePath": settings.probePath = entry.value.string
            case "resources":
                for item in entry.value.items ?? [] {
                    var rule = FixSettings.ResourceRule()
                    for field in item.entries ?? [] {
                        switch field.keyText ?? "" {
                        case "containerNames":
                            rule.containerNames = readStrings(field.value, setting: "fixes.resources.containerNames")
                        case "cpuRequest": rule.cpuRequest = field.value.string
                        case "memoryRequest": rule.memoryRequest = field.value.string
                        case "cpuLimits": rule.cpuLimits = readBool(field.value, setting: "fixes.resources.cpuLimits")
                        case let key:
                            problem(
                                field.key,
                                "unknown field `\(key)` in fixes.resources; use containerNames, cpuRequest, memoryRequest or cpuLimits"
                            )
                        }
                    }
                    settings.resourceRules.append(rule)
                }
            case let key: problem(entry.key, "unknown setting `fixes.\(key)`; use resources or probePath")
            }
        }
        return settings
    }

    mutating func readStrings(_ node: YAMLNode, setting: String) -> [String] {
        if node.isNull { return [] }
        if let single = node.string, node.items == nil { return [single] }
        guard let items = node.items else {
            problem(node, "`\(setting)` must be a list of strings")
            return []
        }
        return items.compactMap(\.string)
    }

    private mutating func readVersion(_ node: YAMLNode, setting: String) -> ReleaseVersion? {
        guard let text = node.string, let version = ReleaseVersion(text) else {
            problem(node, "`\(setting)` must be a version such as \"1.33\"")
            return nil
        }
        return version
    }

    private mutating func readBool(_ node: YAMLNode, setting: String) -> Bool {
        guard let value = node.bool else {
            problem(node, "`\(setting)` must be true or false")
            return false
        }
        return value
    }

    mutating func problem(_ node: YAMLNode, _ message: String) {
        problems.append(.init(position: node.start, message: message))
    }

    private func suggestion(for id: String) -> String {
        guard
            let best = knownChecks.min(by: {
                editDistance($0.lowercased(), id.lowercased()) < editDistance($1.lowercased(), id.lowercased())
            }),
            editDistance(best.lowercased(), id.lowercased()) <= 3
        else { return "" }
        return " (did you mean `\(best)`?)"
    }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
