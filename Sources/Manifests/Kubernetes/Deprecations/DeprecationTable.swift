import Synchronization

/// The deprecated and removed apiVersions Shipshape knows, with the newest release of each
/// component that the data covers (the default target).
package struct DeprecationTable: Sendable {
    private let rows: RowsOnce

    package init(targets: [String: ReleaseVersion], entries: [DeprecatedAPI]) {
        rows = RowsOnce(Rows(targets: targets, entries: entries))
    }

    /// A table that `read` makes the first time a row or a target is asked for, so that a run
    /// that judges no object never reads it (`check` of an empty folder: issue 22's start-up).
    package init(readingOnFirstUse read: @escaping @Sendable () -> DeprecationTable) {
        rows = RowsOnce(making: { read().rows.value })
    }

    package var targets: [String: ReleaseVersion] { rows.value.targets }
    package var entries: [DeprecatedAPI] { rows.value.entries }

    /// Whether the rows have been made (false only for a table read on first use, until then).
    package var hasBeenRead: Bool { rows.hasBeenRead }

    /// The row for this apiVersion and kind; a row for the kind wins over a row for the whole apiVersion.
    package func entry(apiVersion: String, kind: String) -> DeprecatedAPI? {
        guard let found = rows.value.byAPIVersion[apiVersion] else { return nil }
        return found.first { $0.kind == kind } ?? found.first { $0.kind == nil }
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

/// The table's rows, indexed by apiVersion.
private struct Rows: Sendable {
    var targets: [String: ReleaseVersion]
    var entries: [DeprecatedAPI]
    var byAPIVersion: [String: [DeprecatedAPI]] = [:]

    init(targets: [String: ReleaseVersion], entries: [DeprecatedAPI]) {
        self.targets = targets
        self.entries = entries
        for entry in entries { byAPIVersion[entry.apiVersion, default: []].append(entry) }
    }
}

/// Rows made once: given, or made by a closure on first use (under a lock, so two threads
/// asking at once make them once).
private final class RowsOnce: Sendable {
    private enum State {
        case made(Rows)
        case unmade(@Sendable () -> Rows)
    }

    private let state: Mutex<State>

    init(_ rows: Rows) { state = Mutex(.made(rows)) }
    init(making make: @escaping @Sendable () -> Rows) { state = Mutex(.unmade(make)) }

    var value: Rows {
        state.withLock { state in
            switch state {
            case .made(let rows): return rows
            case .unmade(let make):
                let rows = make()
                state = .made(rows)
                return rows
            }
        }
    }

    var hasBeenRead: Bool {
        state.withLock { state in
            if case .made = state { return true }
            return false
        }
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
