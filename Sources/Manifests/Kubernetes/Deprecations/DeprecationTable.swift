/// The deprecated and removed apiVersions Shipshape knows, with the newest release of each
/// component that the data covers (the default target).
package struct DeprecationTable: Sendable {
    package var targets: [String: ReleaseVersion]
    package private(set) var entries: [DeprecatedAPI]
    private var byAPIVersion: [String: [DeprecatedAPI]] = [:]

    package init(targets: [String: ReleaseVersion], entries: [DeprecatedAPI]) {
        self.targets = targets
        self.entries = entries
        for entry in entries { byAPIVersion[entry.apiVersion, default: []].append(entry) }
    }

    /// The row for this apiVersion and kind; a row for the kind wins over a row for the whole apiVersion.
    package func entry(apiVersion: String, kind: String) -> DeprecatedAPI? {
        guard let rows = byAPIVersion[apiVersion] else { return nil }
        return rows.first { $0.kind == kind } ?? rows.first { $0.kind == nil }
    }

    package var newestKubernetes: ReleaseVersion? { targets["kubernetes"] }

    /// The release of `component` to judge against: the user's choice (`kubernetesVersion` for
    /// Kubernetes, `chosen` for the others), else the newest release the data covers.
    package func target(
        for component: String, kubernetesVersion: ReleaseVersion?, chosen: [String: ReleaseVersion] = [:]
    ) -> ReleaseVersion? {
        if component == "kubernetes", let kubernetesVersion { return kubernetesVersion }
        return chosen[component] ?? targets[component]
    }
}

extension DeprecationTable {
    /// Reads the YAML data file; every malformed row is reported with its line.
    package static func read(text: String, file: String) throws(ConfigurationError) -> DeprecationTable {
        let stream = YAMLParser.parse(text)
        var problems: [ConfigurationError.Problem] = stream.errors.map {
            .init(position: $0.position, message: "not valid YAML: \($0)")
        }
        guard let root = stream.documents.first?.root else {
            throw ConfigurationError(
                file: file, problems: problems + [.init(position: nil, message: "the file is empty")])
        }
        var targets: [String: ReleaseVersion] = [:]
        for entry in root["targets"]?.entries ?? [] {
            guard let name = entry.keyText, let text = entry.value.string, let version = ReleaseVersion(text) else {
                problems.append(
                    .init(position: entry.value.start, message: "a target must be a component name and a version"))
                continue
            }
            targets[name] = version
        }
        var rows: [DeprecatedAPI] = []
        for node in root["apis"]?.items ?? [] {
            func version(_ key: String) -> ReleaseVersion? {
                guard let value = node[key] else { return nil }
                guard let text = value.string, let version = ReleaseVersion(text) else {
                    problems.append(
                        .init(position: value.start, message: "`\(key)` must be a version such as \"1.25\""))
                    return nil
                }
                return version
            }
            guard let apiVersion = node["apiVersion"]?.string, let component = node["component"]?.string else {
                problems.append(.init(position: node.start, message: "each row needs `apiVersion` and `component`"))
                continue
            }
            let kind = node["kind"]?.string
            rows.append(
                DeprecatedAPI(
                    apiVersion: apiVersion, kind: kind?.isEmpty == true ? nil : kind, component: component,
                    deprecatedIn: version("deprecatedIn"), removedIn: version("removedIn"),
                    replacement: node["replacement"]?.string, replacementAvailableIn: version("replacementAvailableIn"),
                    note: node["note"]?.string
                ))
        }
        guard problems.isEmpty else { throw ConfigurationError(file: file, problems: problems) }
        return DeprecationTable(targets: targets, entries: rows)
    }
}
