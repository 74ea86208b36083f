/// The checked folders indexed by their last name, to find the one a path written from the
/// repository's root names (`RepositoryPaths`) without comparing it with every folder: a
/// folder ending with the written path ends with its last name. A tree's folders are indexed
/// once; each written path then looks at the few folders of that name.
package struct SourceFolders: Sendable {
    /// Folders by their last name, each list sorted.
    private let byName: [Substring: [String]]

    package init(_ folders: some Sequence<String>) {
        var byName: [Substring: [String]] = [:]
        for folder in folders {
            byName[folder.split(separator: "/").last ?? Substring(folder), default: []].append(folder)
        }
        self.byName = byName.mapValues { $0.sorted() }
    }

    /// The folder that `written` names, seen from `file`: the one whose path is the written path
    /// or ends with it, the nearest to `file` on a tie (the first in name order when equally
    /// near); nil when none does, or when the path climbs above the repository's root.
    package func folder(forSourcePath written: String, near file: String) -> String? {
        guard let parts = RepositoryPaths.cleaned(written), let name = parts.last else { return nil }
        let path = parts.joined(separator: "/")
        let suffix = "/" + path
        let candidates = (byName[name] ?? []).filter { $0 == path || $0.hasSuffix(suffix) }
        return RepositoryPaths.nearest(candidates, to: file) { $0 }
    }
}
