/// Paths written relative to a repository's root (a Flux `spec.path`, an Argo CD source `path`,
/// a chart folder of a GitRepository) found among the checked folders, which may sit below
/// that root: the folder whose path ends with the written one wins, the nearest to the file
/// that wrote it on a tie.
package enum RepositoryPaths {
    /// `written` without `.` parts and with each `..` taking back the part before it; nil when
    /// nothing is left or the path climbs above the repository's root.
    package static func cleaned(_ written: String) -> [Substring]? {
        var parts: [Substring] = []
        for part in written.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts
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
