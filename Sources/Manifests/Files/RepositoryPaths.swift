/// Paths written relative to a repository's root (a Flux `spec.path`, an Argo CD source `path`,
/// a chart folder of a GitRepository) found among the checked folders, which may sit below
/// that root: the folder whose path ends with the written one wins, the nearest to the file
/// that wrote it on a tie.
package enum RepositoryPaths {
    /// The folder of `folders` that `written` names, seen from `file`; nil when none does, or
    /// when the path climbs above the repository's root.
    package static func folder(forSourcePath written: String, among folders: some Sequence<String>, near file: String)
        -> String?
    {
        var parts: [Substring] = []
        for part in written.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let path = parts.joined(separator: "/")
        guard !path.isEmpty else { return nil }
        let suffix = "/" + path
        let candidates = folders.filter { $0 == path || $0.hasSuffix(suffix) }.sorted()
        return nearest(candidates, to: file) { $0 }
    }

    /// Among candidates, the one whose folder shares the most leading folders with `file` (the
    /// first, on a tie).
    package static func nearest<Item>(_ items: [Item], to file: String, folder: (Item) -> String) -> Item? {
        let asking = file.split(separator: "/").dropLast()
        func shared(_ item: Item) -> Int {
            zip(folder(item).split(separator: "/"), asking).prefix { $0 == $1 }.count
        }
        return items.max { shared($0) < shared($1) }
    }
}
